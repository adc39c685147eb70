import { MigrationInterface, QueryRunner } from 'typeorm';
import { MARK_FUNCTION } from './1764190000000-figures-dirty-triggers';

/**
 * "The figures are dirty" becomes rows appended to figures_dirty_marks instead of a counter bumped
 * on the programme's one programme_figures_state row: every write of a programme queued on that
 * row's lock until it committed (issue 19). Inserts never wait for each other.
 *
 * A mark is pending until its consumer takes it: the rollup deletes the marks its snapshot sees,
 * in the snapshot's transaction; a whole certification evaluation deletes its own. Because marks
 * are taken as a set, not up to a number, a mark whose id is below one already taken (ids come
 * from a sequence, in the order writers asked, not the order they committed) is still found.
 *
 * The rules, each in one function here:
 * - mark_figures_dirty(programmes)        a write marks (the triggers of 1764190000000 call it)
 * - figures_marks_pending(programme, consumer)   is something not yet taken?
 * - take_figures_marks(programme, consumer)      take what this transaction sees; the highest id taken
 * - figures_dirty_version(programme)     the version now: every write committed so far is ≤ it
 */
export const CONSUMERS = `'rollup', 'certification'`;

const TABLE = `
  CREATE TABLE figures_dirty_marks (
    id bigint GENERATED ALWAYS AS IDENTITY,
    -- No foreign key: every write would take a KEY SHARE lock on the programme's row, a hot row again.
    programme_id uuid NOT NULL,
    consumer text NOT NULL CONSTRAINT ck_figures_dirty_marks_consumer CHECK (consumer IN (${CONSUMERS})),
    marked_at timestamptz NOT NULL DEFAULT now()
  )`;

// The only index: every read is "this programme's pending marks of one consumer".
const INDEX = `CREATE INDEX ix_figures_dirty_marks_pending ON figures_dirty_marks (programme_id, consumer, id)`;

export const MARK = `
  CREATE OR REPLACE FUNCTION mark_figures_dirty(programme_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    marked text := coalesce(current_setting('cascade.dirty_programmes', true), '');
  BEGIN
    IF cardinality(programme_ids) = 0 THEN RETURN; END IF;
    INSERT INTO figures_dirty_marks (programme_id, consumer)
    SELECT p.id, c.consumer
      FROM (SELECT DISTINCT id FROM unnest(programme_ids) id WHERE id IS NOT NULL) p,
           unnest(ARRAY[${CONSUMERS}]) c(consumer);
    PERFORM set_config('cascade.dirty_programmes',
      (SELECT string_agg(DISTINCT id, ',') FROM unnest(string_to_array(marked, ',') || programme_ids::text[]) id
        WHERE id <> ''), true);
  END $$`;

const PENDING = `
  CREATE FUNCTION figures_marks_pending(programme uuid, taker text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM figures_dirty_marks m WHERE m.programme_id = programme AND m.consumer = taker)
  $$`;

// In a REPEATABLE READ transaction the DELETE sees the transaction's snapshot: a mark committed
// after it began stays pending. Null when nothing was pending.
const TAKE = `
  CREATE FUNCTION take_figures_marks(programme uuid, taker text) RETURNS bigint
  LANGUAGE sql VOLATILE AS $$
    WITH taken AS (
      DELETE FROM figures_dirty_marks m WHERE m.programme_id = programme AND m.consumer = taker RETURNING m.id)
    SELECT max(id) FROM taken
  $$`;

const VERSION = `
  CREATE FUNCTION figures_dirty_version(programme uuid) RETURNS bigint
  LANGUAGE sql STABLE AS $$
    SELECT greatest(
      (SELECT s.rolled_version FROM programme_figures_state s WHERE s.programme_id = programme),
      (SELECT max(m.id) FROM figures_dirty_marks m WHERE m.programme_id = programme AND m.consumer = 'rollup'),
      0)
  $$`;

export class FiguresDirtyMarks1764200000000 implements MigrationInterface {
  name = 'FiguresDirtyMarks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(TABLE);
    await q.query(INDEX);
    // Ids continue the old counters, so every version stays above the ones already recorded.
    await q.query(`
      SELECT setval(pg_get_serial_sequence('figures_dirty_marks', 'id'),
        greatest((SELECT max(dirty_version) FROM programme_figures_state), 0) + 1, false)`);
    // What was pending stays pending.
    await q.query(`
      INSERT INTO figures_dirty_marks (programme_id, consumer)
      SELECT programme_id, 'rollup' FROM programme_figures_state WHERE dirty_version > rolled_version
      UNION ALL
      SELECT f.programme_id, 'certification' FROM programme_figures_state f
        LEFT JOIN certification_evaluation_state e ON e.programme_id = f.programme_id
       WHERE f.dirty_version > coalesce(e.evaluated_version, -1)`);
    await q.query(`ALTER TABLE programme_figures_state DROP COLUMN dirty_version, DROP COLUMN dirty_at`);
    await q.query(`ALTER TABLE certification_evaluation_state DROP COLUMN evaluated_version`);
    for (const statement of [MARK, PENDING, TAKE, VERSION]) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_figures_state ADD COLUMN dirty_version bigint NOT NULL DEFAULT 0,
                   ADD COLUMN dirty_at timestamptz`);
    await q.query(
      `ALTER TABLE certification_evaluation_state ADD COLUMN evaluated_version bigint NOT NULL DEFAULT 0`,
    );
    await q.query(`
      INSERT INTO programme_figures_state AS s (programme_id, dirty_version, dirty_at)
      SELECT programme_id, max(id), max(marked_at) FROM figures_dirty_marks WHERE consumer = 'rollup' GROUP BY programme_id
      ON CONFLICT (programme_id) DO UPDATE
        SET dirty_version = greatest(s.rolled_version + 1, EXCLUDED.dirty_version), dirty_at = EXCLUDED.dirty_at`);
    await q.query(
      `UPDATE programme_figures_state SET dirty_version = rolled_version WHERE dirty_version < rolled_version`,
    );
    await q.query(`
      UPDATE certification_evaluation_state e
         SET evaluated_version = f.dirty_version
                               - CASE WHEN figures_marks_pending(e.programme_id, 'certification') THEN 1 ELSE 0 END
        FROM programme_figures_state f WHERE f.programme_id = e.programme_id`);
    await q.query(`DROP FUNCTION figures_dirty_version(uuid), take_figures_marks(uuid, text),
                   figures_marks_pending(uuid, text), mark_figures_dirty(uuid[])`);
    await q.query(MARK_FUNCTION);
    await q.query(`DROP TABLE figures_dirty_marks`);
  }
}
