import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentoring1763900002000 implements MigrationInterface {
  name = 'CreateMentoring1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentoring_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL CONSTRAINT fk_mentoring_assignments_programme REFERENCES programmes(id),
        mentor_id uuid NOT NULL CONSTRAINT fk_mentoring_assignments_mentor REFERENCES people(id),
        mentee_id uuid NOT NULL CONSTRAINT fk_mentoring_assignments_mentee REFERENCES people(id),
        starts_on date NOT NULL,
        ends_on date,
        goals text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_mentoring_assignments_self CHECK (mentor_id <> mentee_id),
        CONSTRAINT ck_mentoring_assignments_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    // A mentee has at most one active mentor per programme; ended assignments stay as history.
    await q.query(`CREATE UNIQUE INDEX uq_mentoring_assignments_active_mentee
      ON mentoring_assignments (programme_id, mentee_id) WHERE ends_on IS NULL`);
    await q.query(
      `CREATE INDEX ix_mentoring_assignments_mentor ON mentoring_assignments (mentor_id, programme_id)`,
    );
    await q.query(`
      CREATE TABLE mentoring_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL CONSTRAINT fk_mentoring_sessions_assignment REFERENCES mentoring_assignments(id),
        occurred_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CONSTRAINT ck_mentoring_sessions_duration CHECK (duration_minutes BETWEEN 1 AND 600),
        mode text NOT NULL CONSTRAINT ck_mentoring_sessions_mode CHECK (mode IN ('online','face_to_face','phone')),
        topics text[] NOT NULL DEFAULT '{}',
        notes text,
        client_ref text NOT NULL,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The device's key makes a resend store nothing new, whatever batch it arrives in.
    await q.query(`CREATE UNIQUE INDEX uq_mentoring_sessions_client_ref ON mentoring_sessions (client_ref)`);
    await q.query(
      `CREATE INDEX ix_mentoring_sessions_assignment ON mentoring_sessions (assignment_id, occurred_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mentoring_sessions, mentoring_assignments`);
  }
}
