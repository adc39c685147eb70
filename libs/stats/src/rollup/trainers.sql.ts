import { programmeCells, touchedOnly } from './cells.sql';
import type { Scopes } from './figures.sql';
import type { WorkingSet } from './scratch.sql';
import { GENERATIONS } from './generations.sql';

export const TRAINER_FIGURE_COLUMNS = `trainer_id, master_teacher, generation, cohorts, direct_participants,
  direct_completers, direct_certified, downstream_participants, downstream_completers, downstream_certified`;

/** A full rollup's figures of every trainer, shaped as stats_trainer_figures' rows without their snapshot. */
export const TRAINER_FIGURES: WorkingSet = {
  table: 'rollup_trainer_figures',
  select: `SELECT ${TRAINER_FIGURE_COLUMNS} FROM stats_trainer_figures`,
};

/**
 * Reach and outcome per trainer (docs/FIGURES.md "Trainers"), part of the snapshot statement
 * (figures.sql.ts): every lead trainer of a cohort of the programme and every master teacher,
 * with the people they trained directly and everyone downstream of them.
 *
 * Downstream of T: the people enrolled in a cohort led by any trainer T reaches along "led a
 * cohort that trainer enrolled in" (T included), T excepted. Counting it per (trainer, person)
 * pair would multiply every membership by the depth of the cascade, so the working sets split
 * the trainees in two:
 * - ordinary: one enrolment in the programme and not a trainer — such a person is under exactly
 *   one lead, so each trainer's count of them adds up along the reach without double counting;
 * - the others (a person trained twice, every trainer): de-duplicated per (trainer, person).
 * The reach itself (which lead trainers each trainer reaches) is rollup_reach, walked over
 * the trainer graph beforehand (generations.sql.ts). Reads the figures cells (cells.sql.ts); $1 programme.
 * `touched`: only the trainers an incremental rollup touched (rollup_scopes), from the cells of the
 * cohorts of the leads they reach (figures_cells' one index is by cohort), into today's snapshot; `all`: every trainer, into a full rollup's working set
 * (TRAINER_FIGURES).
 */
export const trainerFiguresSql = (scopes: Scopes) => `
  ${
    scopes === 'all'
      ? `INSERT INTO ${TRAINER_FIGURES.table} (${TRAINER_FIGURE_COLUMNS})`
      : `INSERT INTO stats_trainer_figures (snapshot_id, ${TRAINER_FIGURE_COLUMNS})`
  }
  WITH generations AS (${GENERATIONS}
  ), leads AS (
    SELECT lead_trainer_id AS trainer_id, count(*) AS cohorts FROM cohorts
     WHERE programme_id = $1 ${touchedOnly(scopes, 'trainer', 'lead_trainer_id')}
     GROUP BY lead_trainer_id
  ), trainers AS (
    SELECT coalesce(l.trainer_id, mt.person_id) AS trainer_id, coalesce(l.cohorts, 0) AS cohorts,
           mt.person_id IS NOT NULL AS master_teacher
      FROM leads l
      FULL JOIN (SELECT person_id FROM master_teachers
                  WHERE programme_id = $1 ${touchedOnly(scopes, 'trainer', 'person_id')}) mt
        ON mt.person_id = l.trainer_id
  ), pairs AS MATERIALIZED (
    -- One scan of the cells: ordinary trainees summed per lead (trainee_id null), the others per pair.
    SELECT lead_trainer_id, trainee_id, sum(participants) AS participants,
           sum(completers) AS completers, sum(certified) AS certified
      FROM ${programmeCells(scopes)} AND cohort_id IS NOT NULL
       ${
         scopes === 'all'
           ? ''
           : `AND cohort_id IN (SELECT id FROM cohorts
                                 WHERE programme_id = $1
                                   AND lead_trainer_id IN (SELECT descendant_id FROM rollup_reach
                                                            WHERE trainer_id IN (SELECT trainer_id FROM trainers)))`
       }
     GROUP BY lead_trainer_id, trainee_id
  ), ordinary AS (
    SELECT lead_trainer_id, participants, completers, certified FROM pairs WHERE trainee_id IS NULL
  ), others AS (
    SELECT lead_trainer_id, trainee_id, completers > 0 AS completer, certified > 0 AS certified
      FROM pairs WHERE trainee_id IS NOT NULL
  ), direct AS (
    SELECT t.trainer_id,
           coalesce(min(o.participants), 0) + count(x.trainee_id) AS participants,
           coalesce(min(o.completers), 0) + count(x.trainee_id) FILTER (WHERE x.completer) AS completers,
           coalesce(min(o.certified), 0) + count(x.trainee_id) FILTER (WHERE x.certified) AS certified
      FROM trainers t
      LEFT JOIN ordinary o ON o.lead_trainer_id = t.trainer_id
      LEFT JOIN others x ON x.lead_trainer_id = t.trainer_id AND x.trainee_id <> t.trainer_id
     GROUP BY t.trainer_id
  ), downstream_ordinary AS (
    SELECT r.trainer_id, sum(o.participants) AS participants, sum(o.completers) AS completers,
           sum(o.certified) AS certified
      FROM rollup_reach r JOIN ordinary o ON o.lead_trainer_id = r.descendant_id
     GROUP BY r.trainer_id
  ), downstream_others AS (
    SELECT trainer_id, count(*) AS participants, count(*) FILTER (WHERE completer) AS completers,
           count(*) FILTER (WHERE certified) AS certified
      FROM (SELECT DISTINCT r.trainer_id, x.trainee_id, x.completer, x.certified
              FROM rollup_reach r JOIN others x ON x.lead_trainer_id = r.descendant_id
             WHERE x.trainee_id <> r.trainer_id) d
     GROUP BY trainer_id
  )
  SELECT ${scopes === 'all' ? '' : '(SELECT id FROM snapshot), '}t.trainer_id, t.master_teacher, g.generation, t.cohorts,
         d.participants, d.completers, d.certified,
         coalesce(so.participants, 0) + coalesce(sx.participants, 0),
         coalesce(so.completers, 0) + coalesce(sx.completers, 0),
         coalesce(so.certified, 0) + coalesce(sx.certified, 0)
    FROM trainers t
    JOIN direct d ON d.trainer_id = t.trainer_id
    LEFT JOIN generations g ON g.person_id = t.trainer_id
    LEFT JOIN downstream_ordinary so ON so.trainer_id = t.trainer_id
    LEFT JOIN downstream_others sx ON sx.trainer_id = t.trainer_id`;
