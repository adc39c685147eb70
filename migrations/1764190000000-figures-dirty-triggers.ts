import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "The figures are dirty" can no longer be forgotten: every table the rollup reads marks the
 * programmes a statement touched, in the statement's own transaction. Statement-level triggers
 * with transition tables, so a batch of 10,000 rows marks each programme once, set-based.
 *
 * mark_figures_dirty() is the one place a mark is written (today the programme's
 * programme_figures_state row, as before); it also lists the programmes in the transaction-local
 * setting `cascade.dirty_programmes`, which the application reads just before commit to request
 * their rollups just after it (StatsTrigger).
 */

/**
 * Per table: the programmes a set of its rows (`{rows} r`) belongs to, and, where only some
 * columns matter, those: then only updates that change them mark (a new person or programme
 * has no figure yet) — unless the number of rows is itself a figure (`rowsCount`).
 */
export const PROGRAMMES_OF: Record<string, { columns?: string[]; rowsCount?: boolean; programmes: string }> =
  {
    programmes: { columns: ['core_course_ids'], programmes: `SELECT r.id FROM {rows} r` },
    master_teachers: { programmes: `SELECT r.programme_id FROM {rows} r` },
    cascade_rounds: { programmes: `SELECT r.programme_id FROM {rows} r` },
    cohorts: { programmes: `SELECT r.programme_id FROM {rows} r` },
    enrolments: { programmes: `SELECT c.programme_id FROM {rows} r JOIN cohorts c ON c.id = r.cohort_id` },
    course_completions: {
      programmes: `SELECT c.programme_id FROM {rows} r
                   JOIN enrolments e ON e.id = r.enrolment_id JOIN cohorts c ON c.id = e.cohort_id`,
    },
    certifications: { programmes: `SELECT r.programme_id FROM {rows} r` },
    ai_adoptions: { programmes: `SELECT r.programme_id FROM {rows} r` },
    mentoring_assignments: { programmes: `SELECT r.programme_id FROM {rows} r` },
    mentoring_sessions: {
      programmes: `SELECT a.programme_id FROM {rows} r JOIN mentoring_assignments a ON a.id = r.assignment_id`,
    },
    // A person's institution places them, as participant, master teacher or holder, in an institution scope.
    people: {
      columns: ['institution_id'],
      programmes: `SELECT c.programme_id FROM {rows} r JOIN enrolments e ON e.person_id = r.id JOIN cohorts c ON c.id = e.cohort_id
                 UNION SELECT m.programme_id FROM {rows} r JOIN master_teachers m ON m.person_id = r.id
                 UNION SELECT x.programme_id FROM {rows} r JOIN certifications x ON x.person_id = r.id
                 UNION SELECT a.programme_id FROM {rows} r JOIN ai_adoptions a ON a.person_id = r.id
                 UNION SELECT a.programme_id FROM {rows} r JOIN mentoring_assignments a ON r.id IN (a.mentee_id, a.mentor_id)`,
    },
    // A region scope counts the region's institutions (reached or not), and an institution's region
    // places its people: programmes with a scope in the region, or with someone at the institution.
    institutions: {
      columns: ['region_id'],
      rowsCount: true,
      programmes: `SELECT c.programme_id FROM cohorts c WHERE c.region_id IN (SELECT r.region_id FROM {rows} r)
                 UNION SELECT m.programme_id FROM master_teachers m WHERE m.region_ids && ARRAY(SELECT r.region_id FROM {rows} r)
                 UNION SELECT x.programme_id FROM cascade_rounds x WHERE x.region_ids && ARRAY(SELECT r.region_id FROM {rows} r)
                 UNION SELECT c.programme_id FROM institutions i JOIN people p ON p.institution_id = i.id
                         JOIN enrolments e ON e.person_id = p.id JOIN cohorts c ON c.id = e.cohort_id
                        WHERE i.region_id IN (SELECT r.region_id FROM {rows} r) OR i.id IN (SELECT r.id FROM {rows} r)
                 UNION SELECT m.programme_id FROM {rows} r JOIN people p ON p.institution_id = r.id
                         JOIN master_teachers m ON m.person_id = p.id`,
    },
  };

export const MARK_FUNCTION = `
  CREATE FUNCTION mark_figures_dirty(programme_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    marked text := coalesce(current_setting('cascade.dirty_programmes', true), '');
  BEGIN
    IF cardinality(programme_ids) = 0 THEN RETURN; END IF;
    INSERT INTO programme_figures_state AS s (programme_id, dirty_version, dirty_at)
    SELECT DISTINCT id, 1, now() FROM unnest(programme_ids) id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (programme_id) DO UPDATE SET dirty_version = s.dirty_version + 1, dirty_at = now();
    PERFORM set_config('cascade.dirty_programmes',
      (SELECT string_agg(DISTINCT id, ',') FROM unnest(string_to_array(marked, ',') || programme_ids::text[]) id
        WHERE id <> ''), true);
  END $$`;

/** `distinct`: each programme once in the array (migration 1764190200000), not once per row. */
export function triggerFunction(
  table: string,
  programmes: string,
  columns?: string[],
  distinct = false,
): string {
  const of = (rows: string) =>
    distinct
      ? `ARRAY(SELECT DISTINCT x.id FROM (${programmes.replaceAll('{rows}', rows)}) AS x(id))`
      : `ARRAY(${programmes.replaceAll('{rows}', rows)})`;
  // Where only some columns matter, only updates that change one of them mark (a trigger with a
  // column list gets no transition tables, so the function compares the rows itself).
  const changed = (side: string) =>
    `(SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (${columns?.map((c) => `n.${c}`).join(', ')}, NULL) IS DISTINCT FROM (${columns?.map((c) => `o.${c}`).join(', ')}, NULL))`;
  const updated = columns
    ? `${of(changed('n'))} || ${of(changed('o'))}`
    : `${of('new_rows')} || ${of('old_rows')}`;
  return `
    CREATE OR REPLACE FUNCTION figures_dirty_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN PERFORM mark_figures_dirty(${of('new_rows')});
      ELSIF TG_OP = 'DELETE' THEN PERFORM mark_figures_dirty(${of('old_rows')});
      ELSE PERFORM mark_figures_dirty(${updated});
      END IF;
      RETURN NULL;
    END $$`;
}

function triggers(table: string, columns?: string[], rowsCount?: boolean): string[] {
  const on = (event: string, rows: string) =>
    `CREATE TRIGGER figures_dirty_${event.toLowerCase()} AFTER ${event} ON ${table}
       REFERENCING ${rows} FOR EACH STATEMENT EXECUTE FUNCTION figures_dirty_${table}()`;
  const update = on('UPDATE', 'NEW TABLE AS new_rows OLD TABLE AS old_rows');
  if (columns && !rowsCount) return [update];
  return [on('INSERT', 'NEW TABLE AS new_rows'), update, on('DELETE', 'OLD TABLE AS old_rows')];
}

export class FiguresDirtyTriggers1764190000000 implements MigrationInterface {
  name = 'FiguresDirtyTriggers1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(MARK_FUNCTION);
    for (const [table, { columns, rowsCount, programmes }] of Object.entries(PROGRAMMES_OF)) {
      await q.query(triggerFunction(table, programmes, columns));
      for (const statement of triggers(table, columns, rowsCount)) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(PROGRAMMES_OF)) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER IF EXISTS figures_dirty_${event} ON ${table}`);
      await q.query(`DROP FUNCTION figures_dirty_${table}()`);
    }
    await q.query(`DROP FUNCTION mark_figures_dirty(uuid[])`);
  }
}
