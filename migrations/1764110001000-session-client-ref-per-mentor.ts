import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's clientRef is unique per mentor, not across every mentor: another mentor's
 * device that happens to choose the same key gets its own session, and never learns (through a
 * "conflict") that someone else used it. The mentor is the assignment's, copied by a trigger
 * so that every writer — API, imports, the generator — fills it the same way.
 */
export class SessionClientRefPerMentor1764110001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mentoring_sessions ADD COLUMN mentor_id uuid`);
    await q.query(`UPDATE mentoring_sessions s SET mentor_id = a.mentor_id
                     FROM mentoring_assignments a WHERE a.id = s.assignment_id`);
    await q.query(`ALTER TABLE mentoring_sessions ALTER COLUMN mentor_id SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION mentoring_sessions_set_mentor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT mentor_id INTO NEW.mentor_id FROM mentoring_assignments WHERE id = NEW.assignment_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_mentoring_sessions_mentor BEFORE INSERT OR UPDATE OF assignment_id ON mentoring_sessions
        FOR EACH ROW EXECUTE FUNCTION mentoring_sessions_set_mentor()`);
    await q.query(`DROP INDEX uq_mentoring_sessions_client_ref`);
    await q.query(
      `CREATE UNIQUE INDEX uq_mentoring_sessions_client_ref ON mentoring_sessions (mentor_id, client_ref)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_mentoring_sessions_client_ref`);
    await q.query(`CREATE UNIQUE INDEX uq_mentoring_sessions_client_ref ON mentoring_sessions (client_ref)`);
    await q.query(`DROP TRIGGER tr_mentoring_sessions_mentor ON mentoring_sessions`);
    await q.query(`DROP FUNCTION mentoring_sessions_set_mentor()`);
    await q.query(`ALTER TABLE mentoring_sessions DROP COLUMN mentor_id`);
  }
}
