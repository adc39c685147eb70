import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCascadeCore1763900001000 implements MigrationInterface {
  name = 'CreateCascadeCore1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        core_course_ids uuid[] NOT NULL DEFAULT '{}',
        pass_mark numeric(5,2) NOT NULL CONSTRAINT ck_programmes_pass_mark CHECK (pass_mark BETWEEN 0 AND 100),
        credential jsonb NOT NULL,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT ck_programmes_status CHECK (status IN ('draft','active','closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_programmes_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query(`
      CREATE TABLE master_teachers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL CONSTRAINT fk_master_teachers_programme REFERENCES programmes(id),
        person_id uuid NOT NULL CONSTRAINT fk_master_teachers_person REFERENCES people(id),
        trained_on date NOT NULL,
        region_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_master_teachers_person UNIQUE (programme_id, person_id)
      )`);
    await q.query(`CREATE INDEX ix_master_teachers_person ON master_teachers (person_id)`);
    await q.query(`
      CREATE TABLE cascade_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL CONSTRAINT fk_cascade_rounds_programme REFERENCES programmes(id),
        number int NOT NULL CONSTRAINT ck_cascade_rounds_number CHECK (number > 0),
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        target_participants int NOT NULL DEFAULT 0 CONSTRAINT ck_cascade_rounds_target CHECK (target_participants >= 0),
        region_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cascade_rounds_number UNIQUE (programme_id, number),
        CONSTRAINT uq_cascade_rounds_programme UNIQUE (id, programme_id),
        CONSTRAINT ck_cascade_rounds_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL,
        round_id uuid NOT NULL,
        name text NOT NULL,
        region_id uuid NOT NULL CONSTRAINT fk_cohorts_region REFERENCES regions(id),
        lead_trainer_id uuid NOT NULL CONSTRAINT fk_cohorts_lead_trainer REFERENCES people(id),
        course_ids uuid[] NOT NULL CONSTRAINT ck_cohorts_courses CHECK (cardinality(course_ids) > 0),
        delivery_mode text NOT NULL CONSTRAINT ck_cohorts_delivery_mode CHECK (delivery_mode IN ('online','face_to_face','hybrid')),
        language text NOT NULL DEFAULT 'mn' CONSTRAINT ck_cohorts_language CHECK (language IN ('mn','en')),
        capacity int NOT NULL CONSTRAINT ck_cohorts_capacity CHECK (capacity > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_cohorts_round FOREIGN KEY (round_id, programme_id) REFERENCES cascade_rounds(id, programme_id),
        CONSTRAINT uq_cohorts_name UNIQUE (round_id, name),
        CONSTRAINT ck_cohorts_dates CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX ix_cohorts_programme ON cohorts (programme_id)`);
    await q.query(`CREATE INDEX ix_cohorts_lead_trainer ON cohorts (lead_trainer_id)`);
    await q.query(`CREATE INDEX ix_cohorts_region ON cohorts (region_id)`);
    await q.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL CONSTRAINT fk_enrolments_cohort REFERENCES cohorts(id),
        person_id uuid NOT NULL CONSTRAINT fk_enrolments_person REFERENCES people(id),
        status text NOT NULL DEFAULT 'enrolled'
          CONSTRAINT ck_enrolments_status CHECK (status IN ('enrolled','active','completed','withdrawn')),
        enrolled_on date NOT NULL DEFAULT current_date,
        withdrawn_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_enrolments_person UNIQUE (cohort_id, person_id)
      )`);
    await q.query(`CREATE INDEX ix_enrolments_person ON enrolments (person_id)`);
    await q.query(`
      CREATE TABLE course_completions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL CONSTRAINT fk_course_completions_enrolment REFERENCES enrolments(id),
        course_id uuid NOT NULL CONSTRAINT fk_course_completions_course REFERENCES courses(id),
        completed_on date NOT NULL,
        score numeric(5,2) CONSTRAINT ck_course_completions_score CHECK (score BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_course_completions_course UNIQUE (enrolment_id, course_id)
      )`);
    await q.query(`
      CREATE TABLE certifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL CONSTRAINT fk_certifications_programme REFERENCES programmes(id),
        person_id uuid NOT NULL CONSTRAINT fk_certifications_person REFERENCES people(id),
        number text NOT NULL CONSTRAINT uq_certifications_number UNIQUE,
        issued_on date NOT NULL,
        revoked_on date,
        revocation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_certifications_revocation CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL))
      )`);
    // A person holds at most one certification of a programme that is not revoked.
    await q.query(
      `CREATE UNIQUE INDEX uq_certifications_active ON certifications (programme_id, person_id) WHERE revoked_on IS NULL`,
    );
    await q.query(`CREATE INDEX ix_certifications_person ON certifications (person_id)`);
    await q.query(`
      CREATE TABLE ai_adoptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL CONSTRAINT fk_ai_adoptions_person REFERENCES people(id),
        programme_id uuid NOT NULL CONSTRAINT fk_ai_adoptions_programme REFERENCES programmes(id),
        observed_on date NOT NULL,
        kind text NOT NULL CONSTRAINT ck_ai_adoptions_kind CHECK (kind IN ('curriculum','instruction','assessment','other')),
        description text NOT NULL,
        evidence_url text,
        recorded_by uuid,
        verified_by uuid CONSTRAINT fk_ai_adoptions_verified_by REFERENCES users(id),
        verified_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_ai_adoptions_verification CHECK ((verified_by IS NULL) = (verified_on IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_ai_adoptions_programme_person ON ai_adoptions (programme_id, person_id)`);
    // "The figures are dirty" lives here, written with the change; see StatsTrigger.
    await q.query(`
      CREATE TABLE programme_figures_state (
        programme_id uuid PRIMARY KEY CONSTRAINT fk_programme_figures_state_programme REFERENCES programmes(id),
        dirty_version bigint NOT NULL DEFAULT 0,
        rolled_version bigint NOT NULL DEFAULT 0,
        dirty_at timestamptz,
        rolled_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_figures_state, ai_adoptions, certifications, course_completions,
      enrolments, cohorts, cascade_rounds, master_teachers, programmes`);
  }
}
