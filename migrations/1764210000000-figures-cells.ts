import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMMES_OF, triggerFunction } from './1764190000000-figures-dirty-triggers';
import { CONSUMERS } from './1764200000000-figures-dirty-marks';
import { MARK_WITH_NOTICE } from './1764203000000-figures-marks-notice';

/**
 * Incremental figures (issue 19): a write to one person's records is recomputed from that
 * person's cohorts, not from the whole programme.
 * - figures_cells: the rollup's per-cohort counts, kept between rollups (libs/stats rollup/cells.sql.ts),
 *   with figures_reach, the trainers' reach; figures_cells_built: when a full rollup last rebuilt them.
 *   All three are derived from the records, so unlogged (no WAL to write): a crash empties them
 *   together, and with no figures_cells_built row the next rollup is a full one that rebuilds them.
 * - A dirty mark names the people whose records changed (person_ids), or none (null): then the
 *   change is to the programme's structure — its cohorts, rounds, master teachers, core courses,
 *   institutions, an enrolment removed or moved, a lead trainer enrolled, a master teacher's
 *   institution — and only a full rollup can follow it.
 */

/**
 * Per table whose rows are a person's: `pairs`, the (programme, person) pairs of a set of its rows
 * `{rows} r`; and `structural`, per kind of statement, the programmes whose structure it changed
 * (`{changed}`: the updated rows whose marked columns changed) — an enrolment removed (then
 * nothing else is marked), or moved to another cohort or person, changes its cohort's members; a
 * lead trainer's new enrolment changes the trainer graph (generations, reach); a master teacher's
 * institution places them in an institution scope.
 */
const PEOPLE_OF: Record<
  string,
  { pairs: string; structural?: { insert?: string; update?: string; delete?: string } }
> = {
  enrolments: {
    pairs: `SELECT c.programme_id, r.person_id FROM {rows} r JOIN cohorts c ON c.id = r.cohort_id`,
    structural: {
      insert: `SELECT DISTINCT c.programme_id FROM new_rows r JOIN cohorts c ON c.id = r.cohort_id
                  WHERE EXISTS (SELECT 1 FROM cohorts l WHERE l.programme_id = c.programme_id AND l.lead_trainer_id = r.person_id)`,
      update: `SELECT DISTINCT c.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   JOIN cohorts c ON c.id IN (n.cohort_id, o.cohort_id)
                  WHERE (n.cohort_id, n.person_id) IS DISTINCT FROM (o.cohort_id, o.person_id)`,
      delete: `SELECT DISTINCT c.programme_id FROM old_rows r JOIN cohorts c ON c.id = r.cohort_id`,
    },
  },
  course_completions: {
    pairs: `SELECT c.programme_id, e.person_id FROM {rows} r
                JOIN enrolments e ON e.id = r.enrolment_id JOIN cohorts c ON c.id = e.cohort_id`,
  },
  certifications: { pairs: `SELECT r.programme_id, r.person_id FROM {rows} r` },
  ai_adoptions: { pairs: `SELECT r.programme_id, r.person_id FROM {rows} r` },
  mentoring_assignments: { pairs: `SELECT r.programme_id, r.mentee_id FROM {rows} r` },
  mentoring_sessions: {
    pairs: `SELECT a.programme_id, a.mentee_id FROM {rows} r JOIN mentoring_assignments a ON a.id = r.assignment_id`,
  },
  people: {
    pairs: `SELECT c.programme_id, r.id FROM {rows} r JOIN enrolments e ON e.person_id = r.id JOIN cohorts c ON c.id = e.cohort_id
              UNION SELECT m.programme_id, r.id FROM {rows} r JOIN master_teachers m ON m.person_id = r.id
              UNION SELECT x.programme_id, r.id FROM {rows} r JOIN certifications x ON x.person_id = r.id
              UNION SELECT a.programme_id, r.id FROM {rows} r JOIN ai_adoptions a ON a.person_id = r.id
              UNION SELECT a.programme_id, r.id FROM {rows} r JOIN mentoring_assignments a ON r.id IN (a.mentee_id, a.mentor_id)`,
    structural: {
      update: `SELECT DISTINCT m.programme_id FROM {changed} n JOIN master_teachers m ON m.person_id = n.id`,
    },
  },
};

const MARKS_PEOPLE = `ALTER TABLE figures_dirty_marks ADD COLUMN person_ids uuid[]`;

/** Marks keep their people for the rollup only (migration 1764250000000 keeps them for every consumer). */
export const ROLLUP_KEEPS_PEOPLE = `CASE WHEN c.consumer = 'rollup' THEN p.people END`;

/**
 * person_ids: null for a change of structure, or beside programme_ids (same length): the person
 * each programme's row belongs to. One mark per programme and consumer; `people` says whose marks
 * keep them (here only the rollup's; migration 1764250000000 the certification's too).
 */
export const markFunction = (people: string) => `
  CREATE OR REPLACE FUNCTION mark_figures_dirty(programme_ids uuid[], person_ids uuid[] DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    marked text := coalesce(current_setting('cascade.dirty_programmes', true), '');
    added text;
  BEGIN
    IF coalesce(cardinality(programme_ids), 0) = 0 THEN RETURN; END IF;
    INSERT INTO figures_dirty_marks (programme_id, consumer, person_ids)
    SELECT p.programme_id, c.consumer, ${people}
      FROM (SELECT m.programme_id,
                   -- A row without its person (none should be) makes the mark structural: the safe side.
                   CASE WHEN person_ids IS NOT NULL AND bool_and(m.person_id IS NOT NULL)
                        THEN array_agg(DISTINCT m.person_id) END AS people
              FROM unnest(programme_ids, coalesce(person_ids, '{}')) AS m(programme_id, person_id)
             WHERE m.programme_id IS NOT NULL
             GROUP BY m.programme_id) p,
           unnest(ARRAY[${CONSUMERS}]) c(consumer);
    SELECT string_agg(DISTINCT id, ',') INTO added
      FROM unnest(programme_ids::text[]) id
     WHERE id IS NOT NULL AND NOT id = ANY (string_to_array(marked, ','));
    IF added IS NULL THEN RETURN; END IF;
    PERFORM set_config('cascade.dirty_programmes', concat_ws(',', nullif(marked, ''), added), true);
    RAISE NOTICE 'cascade.dirty_programmes %', added;
  END $$`;

/**
 * The rollup takes the marks its transaction sees (as take_figures_marks does): the highest id,
 * whether any was structural, and the people named.
 */
const TAKE_CHANGES = `
  CREATE FUNCTION take_figures_changes(programme uuid, taker text,
                                       OUT version bigint, OUT structural boolean, OUT person_ids uuid[])
  LANGUAGE sql VOLATILE AS $$
    WITH taken AS (
      DELETE FROM figures_dirty_marks m WHERE m.programme_id = programme AND m.consumer = taker
      RETURNING m.id, m.person_ids)
    SELECT max(id), coalesce(bool_or(person_ids IS NULL), false),
           ARRAY(SELECT DISTINCT p FROM taken, unnest(taken.person_ids) p)
      FROM taken
  $$`;

/** A person-level trigger: (programme, person) pairs of the rows, both sides of an update; structural marks first. */
function peopleTriggerFunction(table: string, columns?: string[]): string {
  const { pairs, structural = {} } = PEOPLE_OF[table];
  const of = (rows: string) => pairs.replaceAll('{rows}', rows);
  const changed = (side: string) =>
    `(SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (${columns?.map((c) => `n.${c}`).join(', ')}, NULL) IS DISTINCT FROM (${columns?.map((c) => `o.${c}`).join(', ')}, NULL))`;
  const updated = columns
    ? `${of(changed('n'))} UNION ${of(changed('o'))}`
    : `${of('new_rows')} UNION ${of('old_rows')}`;
  const mark = (programmes?: string) =>
    programmes
      ? `PERFORM mark_figures_dirty(ARRAY(${programmes.replaceAll('{changed}', changed('n'))}));`
      : '';
  const people = (rows: string) => `
        SELECT array_agg(x.programme_id), array_agg(x.person_id) INTO programmes, people
          FROM (${rows}) x(programme_id, person_id);`;
  return `
    CREATE OR REPLACE FUNCTION figures_dirty_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      programmes uuid[];
      people uuid[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${mark(structural.insert)}
        ${people(`SELECT DISTINCT * FROM (${of('new_rows')}) y`)}
      ELSIF TG_OP = 'DELETE' THEN
        ${structural.delete ? `${mark(structural.delete)} RETURN NULL;` : people(`SELECT DISTINCT * FROM (${of('old_rows')}) y`)}
      ELSE
        ${mark(structural.update)}
        ${people(updated)}
      END IF;
      PERFORM mark_figures_dirty(coalesce(programmes, '{}'), coalesce(people, '{}'));
      RETURN NULL;
    END $$`;
}

const CELLS = `
  CREATE UNLOGGED TABLE figures_cells (
    -- No foreign keys on the cells and the reach: checking one per row was a tenth of writing them.
    programme_id uuid NOT NULL,
    -- Null cohort: a mentee of the programme who is not a participant (their sessions only).
    cohort_id uuid,
    round_id uuid,
    region_id uuid,
    lead_trainer_id uuid,
    institution_id uuid,
    generation int,
    first_in_round boolean NOT NULL,
    first_in_region boolean NOT NULL,
    first_in_programme boolean NOT NULL,
    -- Set for a person counted alone (a trainer, or enrolled more than once); null for the others, counted together.
    trainee_id uuid,
    participants int NOT NULL,
    completers int NOT NULL,
    certified int NOT NULL,
    ai_adopters int NOT NULL,
    mentoring_sessions bigint NOT NULL,
    mentoring_minutes bigint NOT NULL,
    mentees_mentored int NOT NULL,
    enrolled int NOT NULL
  )`;

// Read by cohort (an incremental rollup's cells) and by lead trainer (the trainers it touches).
const CELLS_INDEXES = [
  `CREATE INDEX ix_figures_cells_cohort ON figures_cells (programme_id, cohort_id)`,
  `CREATE INDEX ix_figures_cells_lead ON figures_cells (programme_id, lead_trainer_id)`,
];

// The trainer graph's reach (libs/stats rollup/generations.sql.ts) as of the last full rollup: it
// changes only with the structure (a lead trainer's new enrolment included), which makes the next
// rollup a full one.
const REACH = `
  CREATE UNLOGGED TABLE figures_reach (
    programme_id uuid NOT NULL,
    trainer_id uuid NOT NULL,
    descendant_id uuid NOT NULL,
    steps int NOT NULL
  )`;

// Read down from a trainer and up from a descendant.
const REACH_INDEXES = [
  `CREATE INDEX ix_figures_reach_trainer ON figures_reach (programme_id, trainer_id)`,
  `CREATE INDEX ix_figures_reach_descendant ON figures_reach (programme_id, descendant_id)`,
];

// How many rollups a programme has had: an incremental one rewrites today's snapshot in place,
// so snapshot ids no longer count them.
const ROLLUPS = `ALTER TABLE programme_figures_state ADD COLUMN rollups bigint NOT NULL DEFAULT 0`;

const CELLS_BUILT = `
  CREATE UNLOGGED TABLE figures_cells_built (
    programme_id uuid PRIMARY KEY CONSTRAINT fk_figures_cells_built_programme REFERENCES programmes(id) ON DELETE CASCADE,
    built_at timestamptz NOT NULL
  )`;

export class FiguresCells1764210000000 implements MigrationInterface {
  name = 'FiguresCells1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(MARKS_PEOPLE);
    // Marks already pending stay structural (null people): the next rollup is a full one.
    await q.query(`DROP FUNCTION mark_figures_dirty(uuid[])`);
    await q.query(markFunction(ROLLUP_KEEPS_PEOPLE));
    await q.query(TAKE_CHANGES);
    for (const table of Object.keys(PEOPLE_OF)) {
      await q.query(peopleTriggerFunction(table, PROGRAMMES_OF[table].columns));
    }
    for (const statement of [CELLS, ...CELLS_INDEXES, REACH, ...REACH_INDEXES, CELLS_BUILT, ROLLUPS])
      await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_figures_state DROP COLUMN rollups`);
    await q.query(`DROP TABLE figures_cells_built, figures_reach, figures_cells`);
    for (const table of Object.keys(PEOPLE_OF)) {
      const { programmes, columns } = PROGRAMMES_OF[table];
      await q.query(triggerFunction(table, programmes, columns, true));
    }
    await q.query(`DROP FUNCTION take_figures_changes(uuid, text)`);
    await q.query(`DROP FUNCTION mark_figures_dirty(uuid[], uuid[])`);
    await q.query(MARK_WITH_NOTICE.replace('CREATE OR REPLACE', 'CREATE'));
    await q.query(`ALTER TABLE figures_dirty_marks DROP COLUMN person_ids`);
  }
}
