import { GENERATIONS } from './generations.sql';

/**
 * The rollup's working sets: temporary tables filled by each rollup inside its REPEATABLE READ
 * transaction, so every scope is computed from the same records, and emptied at its commit.
 * Each table is created once per session (database connection), shaped by its own SELECT: a
 * table created and dropped in every rollup cost catalog writes each time, the rollup of a small
 * programme's fixed cost. Order: memberships and mentees → the trainers' reach (generations.sql.ts)
 * → participants → a full rollup's cells (cells.sql.ts), which read the members (MEMBERS_SQL) once
 * → its figures (figures.sql.ts, trainers.sql.ts). $1 is the programme id throughout.
 */

/** A working set: its table and the SELECT that fills it. */
export interface WorkingSet {
  table: string;
  select: string;
}

/** This session's table of a working set, with the SELECT's columns and no rows. */
export const createSql = ({ table, select }: WorkingSet) =>
  `CREATE TEMP TABLE IF NOT EXISTS ${table} ON COMMIT DELETE ROWS AS ${select} WITH NO DATA`;

export const fillSql = ({ table, select }: WorkingSet) => `INSERT INTO ${table} ${select}`;

/**
 * Every enrolment (any status, withdrawn included) in a cohort of the programme, with the cohort's
 * scopes and lead; holds_place: not withdrawn (a place taken, as the cohort's capacity counts it).
 */
export const memberships = (of = 'true'): WorkingSet => ({
  table: 'rollup_memberships',
  select: `
  SELECT e.id AS enrolment_id, e.person_id, e.cohort_id, c.round_id, c.region_id, c.lead_trainer_id,
         e.status <> 'withdrawn' AS holds_place
    FROM enrolments e
    JOIN cohorts c ON c.id = e.cohort_id
   WHERE c.programme_id = $1 AND ${of}`,
});
export const MEMBERSHIPS = memberships();

/** Sessions and minutes per mentee, over the programme's mentoring assignments (mentees with ≥ 1 session). */
export const mentees = (of = 'true'): WorkingSet => ({
  table: 'rollup_mentees',
  select: `
  SELECT a.mentee_id AS person_id, count(*) AS sessions, sum(s.duration_minutes) AS minutes
    FROM mentoring_assignments a
    JOIN mentoring_sessions s ON s.assignment_id = a.id
   WHERE a.programme_id = $1 AND ${of}
   GROUP BY a.mentee_id`,
});
export const MENTEES = mentees();

/**
 * One row per participant with every fact a scope counts:
 * - completer: a completion of every core course, across all their enrolments in the programme;
 * - certified: a certification of the programme that is not revoked;
 * - ai_adopter: a completer with at least one verified AI adoption of the programme;
 * - generation (null when it cannot be derived), and their mentoring sessions and minutes;
 * - holds_place: at least one enrolment not withdrawn; memberships: how many enrolments;
 * - trainer: leads a cohort of the programme or is one of its master teachers.
 */
/**
 * Which participants completed every core course. Usually the core courses are few: each is a
 * bit, and a person's completions OR-ed together make a mask (one hash aggregate, no DISTINCT
 * over millions of completions); a course completed in two cohorts sets the same bit.
 */
const CORE_DONE_BY_MASK = `
    SELECT m.person_id,
           bit_or(1::bigint << (array_position((SELECT ids FROM core), cc.course_id) - 1))
             = (1::bigint << (SELECT cardinality(ids) FROM core)) - 1 AS all_done
      FROM rollup_memberships m
      JOIN course_completions cc ON cc.enrolment_id = m.enrolment_id
     WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])
     GROUP BY m.person_id`;

/** The same for a programme with more core courses than bits in a bigint: distinct courses counted. */
const CORE_DONE_BY_COUNT = `
    SELECT person_id, count(*) = (SELECT cardinality(ids) FROM core) AS all_done
      FROM (SELECT DISTINCT m.person_id, cc.course_id
              FROM rollup_memberships m
              JOIN course_completions cc ON cc.enrolment_id = m.enrolment_id
             WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])) done
     GROUP BY person_id`;

/** Core courses the bit mask can hold. */
export const MASK_MAX_CORE_COURSES = 62;

/**
 * Whether x.person_id holds a certificate, has verified AI evidence, trains in the programme. For
 * a whole programme each set is hashed once (an IN, where a LEFT JOIN needed it de-duplicated
 * first: −7 % of this statement's CPU at scale 10); for an incremental rollup's few dozen people
 * each is an index probe (EXISTS) — the hashed sets cost 0.4 s at scale 1000, for 25 people.
 */
const personFacts = (few: boolean) =>
  few
    ? {
        certified: `EXISTS (SELECT 1 FROM certifications c
                             WHERE c.programme_id = $1 AND c.person_id = x.person_id AND c.revoked_on IS NULL)`,
        aiEvidence: `EXISTS (SELECT 1 FROM ai_adoptions a
                              WHERE a.programme_id = $1 AND a.person_id = x.person_id AND a.verified_on IS NOT NULL)`,
        trainer: `(EXISTS (SELECT 1 FROM cohorts c WHERE c.programme_id = $1 AND c.lead_trainer_id = x.person_id)
                   OR EXISTS (SELECT 1 FROM master_teachers t WHERE t.programme_id = $1 AND t.person_id = x.person_id))`,
      }
    : {
        certified: `x.person_id IN (SELECT person_id FROM certifications WHERE programme_id = $1 AND revoked_on IS NULL)`,
        aiEvidence: `x.person_id IN (SELECT person_id FROM ai_adoptions WHERE programme_id = $1 AND verified_on IS NOT NULL)`,
        trainer: `x.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1
                                  UNION ALL SELECT person_id FROM master_teachers WHERE programme_id = $1)`,
      };

/** `few`: an incremental rollup's working sets (the members of a few cohorts), not a whole programme's. */
export const participants = (coreCourses: number, few = false): WorkingSet => {
  const facts = personFacts(few);
  return {
    table: 'rollup_participants',
    select: `
  WITH core AS (
    SELECT core_course_ids AS ids FROM programmes WHERE id = $1
  ), generations AS (${GENERATIONS}
  ), core_done AS (${coreCourses <= MASK_MAX_CORE_COURSES ? CORE_DONE_BY_MASK : CORE_DONE_BY_COUNT}
  ), enrolled AS (
    -- 1 + the lowest generation of their cohorts' lead trainers.
    SELECT m.person_id, min(lead.generation) + 1 AS via_lead, bool_or(m.holds_place) AS holds_place,
           count(*) AS memberships
      FROM rollup_memberships m
      LEFT JOIN generations lead ON lead.person_id = m.lead_trainer_id
     GROUP BY m.person_id
  ), facts AS (
    SELECT x.person_id, p.institution_id,
           coalesce(d.all_done, (SELECT cardinality(ids) FROM core) = 0) AS completer,
           ${facts.certified} AS certified,
           ${facts.aiEvidence} AS ai_evidence,
           -- A master teacher (or trainer) enrolled somewhere keeps their own, lower generation.
           least(own.generation, x.via_lead) AS generation,
           coalesce(me.sessions, 0) AS sessions,
           coalesce(me.minutes, 0) AS minutes,
           x.holds_place, x.memberships, ${facts.trainer} AS trainer
      FROM enrolled x
      JOIN people p ON p.id = x.person_id
      LEFT JOIN generations own ON own.person_id = x.person_id
      LEFT JOIN core_done d ON d.person_id = x.person_id
      LEFT JOIN rollup_mentees me ON me.person_id = x.person_id
  )
  SELECT person_id, institution_id, completer, certified, completer AND ai_evidence AS ai_adopter, generation,
         sessions, minutes, holds_place, memberships, trainer
    FROM facts`,
  };
};

/**
 * Each membership with its participant's facts, flagged once per person and round, region and
 * programme: a person in two cohorts of a round (or region) counts once there. The row
 * flagged is one that holds a place when the person has one there, so "enrolled" counts them.
 * holds_place is the membership's own (not the person's across the programme). Only a person
 * with two or more enrolments can be in a round or region twice, so only their memberships are
 * ranked (a few percent of them), not every membership sorted twice. Read once, by the cells'
 * GROUP BY (cells.sql.ts), so a subquery there rather than a table written and read back.
 */
export const MEMBERS_SQL = `
  WITH repeated AS (
    SELECT m.enrolment_id,
           row_number() OVER (PARTITION BY m.person_id, m.round_id ORDER BY m.holds_place DESC, m.cohort_id) = 1
             AS first_in_round,
           row_number() OVER (PARTITION BY m.person_id, m.region_id ORDER BY m.holds_place DESC, m.cohort_id) = 1
             AS first_in_region,
           row_number() OVER (PARTITION BY m.person_id ORDER BY m.holds_place DESC, m.cohort_id) = 1
             AS first_in_programme
      FROM rollup_memberships m
     WHERE m.person_id IN (SELECT person_id FROM rollup_participants WHERE memberships > 1)
  )
  SELECT m.cohort_id, m.round_id, m.region_id, m.lead_trainer_id, m.holds_place,
         p.person_id, p.institution_id, p.completer, p.certified, p.ai_adopter, p.generation, p.sessions, p.minutes,
         p.memberships, p.trainer, coalesce(r.first_in_round, true) AS first_in_round,
         coalesce(r.first_in_region, true) AS first_in_region,
         coalesce(r.first_in_programme, true) AS first_in_programme
    FROM rollup_memberships m
    JOIN rollup_participants p ON p.person_id = m.person_id
    LEFT JOIN repeated r ON r.enrolment_id = m.enrolment_id`;

/**
 * The memberships and the mentees in one statement; its row count is the memberships'. (Counting
 * them from a RETURNING clause instead, beside the dirty version, cost ~8 ms at scale 10.)
 */
export const FILL_MEMBERSHIPS_AND_MENTEES_SQL = `
  WITH mentees AS (${fillSql(MENTEES)}
  )
  ${fillSql(MEMBERSHIPS)}`;

/** Temporary tables have no statistics until analysed; later statements join them at scale. */
export const ANALYZE_MEMBERSHIPS_SQL = `ANALYZE rollup_memberships, rollup_mentees`;
export const ANALYZE_PARTICIPANTS_SQL = `ANALYZE rollup_participants, rollup_reach`;

/**
 * Below that threshold a full rollup still tells the planner which keys of the working sets are
 * unique: the participants' person_id and the memberships' enrolment_id. Unanalysed, the cells'
 * joins on them (MEMBERS_SQL) were estimated at 7,000× their rows at scale 10, so the cells'
 * GROUP BY sorted all the memberships by ten columns, or hashed them into a table sized for
 * 867,540 groups (3,580 exist). Statistics of those two columns alone, each from a sample of 300
 * rows (their statistics target, set once per session), cost a tenth of what they save there
 * (docs/BENCHMARKS.md). Taken once per session, by its first full rollup: "unique" is a fraction
 * of the rows, true of any programme's working sets, and the statistics last as long as the tables.
 */
export const KEY_STATISTICS_TARGET_SQL = `ALTER TABLE rollup_participants ALTER person_id SET STATISTICS 1;
  ALTER TABLE rollup_memberships ALTER enrolment_id SET STATISTICS 1`;
export const ANALYZE_KEYS_SQL = `ANALYZE rollup_participants (person_id), rollup_memberships (enrolment_id)`;
