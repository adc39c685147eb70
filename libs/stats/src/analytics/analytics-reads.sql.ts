import { latestSnapshot } from '../figures/snapshot-reads.sql';

/**
 * Reads of the cascade analytics: each one statement that takes the programme's latest snapshot
 * and its rows together (no row at all: the programme has no snapshot yet). $1 is the programme.
 */
const HEAD = latestSnapshot('head');

/** One scope's funnel by generation; found is false when the scope has no figures ($2 scope, $3 scope id). */
export const GENERATIONS_SQL = `
  WITH ${HEAD}
  SELECT h.computed_at, h.stale, f.generation_funnel, f.scope_id IS NOT NULL AS found
    FROM head h
    LEFT JOIN stats_figures f ON f.snapshot_id = h.id AND f.scope = $2 AND f.scope_id = $3`;

/** The sort keys of the trainer table, as SQL over stats_trainer_figures tf and people p. */
export const TRAINER_ORDER: Record<string, string> = {
  downstreamParticipants: 'tf.downstream_participants',
  directParticipants: 'tf.direct_participants',
  directCompletionRate: 'coalesce(tf.direct_completers::float8 / nullif(tf.direct_participants, 0), 0)',
  downstreamCompletionRate:
    'coalesce(tf.downstream_completers::float8 / nullif(tf.downstream_participants, 0), 0)',
  directCertificationRate: 'coalesce(tf.direct_certified::float8 / nullif(tf.direct_completers, 0), 0)',
  downstreamCertificationRate:
    'coalesce(tf.downstream_certified::float8 / nullif(tf.downstream_completers, 0), 0)',
  generation: 'tf.generation',
  fullName: 'p.full_name',
};

/**
 * A page of the trainer table with the programme's own outcome ($2 limit, $3 offset). The order
 * comes from TRAINER_ORDER and asc/desc only, never from the request's text.
 */
export const trainersSql = (orderBy: string, direction: 'asc' | 'desc') => `
  WITH ${HEAD}
  SELECT h.computed_at, h.stale,
         pf.participants AS programme_participants, pf.completers AS programme_completers,
         pf.certified AS programme_certified,
         (SELECT count(*) FROM stats_trainer_figures WHERE snapshot_id = h.id)::int AS total,
         t.*
    FROM head h
    LEFT JOIN stats_figures pf ON pf.snapshot_id = h.id AND pf.scope = 'programme' AND pf.scope_id = $1
    LEFT JOIN LATERAL (
      SELECT tf.trainer_id, p.full_name, tf.master_teacher, tf.generation, tf.cohorts,
             tf.direct_participants, tf.direct_completers, tf.direct_certified,
             tf.downstream_participants, tf.downstream_completers, tf.downstream_certified
        FROM stats_trainer_figures tf
        JOIN people p ON p.id = tf.trainer_id
       WHERE tf.snapshot_id = h.id
       ORDER BY ${orderBy} ${direction} NULLS LAST, p.full_name, tf.trainer_id
       LIMIT $2 OFFSET $3
    ) t ON true`;

/** Every round's target beside its actual figures, in round order. */
export const ROUND_PLANS_SQL = `
  WITH ${HEAD}
  SELECT h.computed_at, h.stale, cr.id AS round_id, cr.number, cr.name, f.target_participants, f.participants,
         f.enrolled, f.completers, f.certified
    FROM head h
    LEFT JOIN stats_figures f ON f.snapshot_id = h.id AND f.scope = 'round'
    LEFT JOIN cascade_rounds cr ON cr.id = f.scope_id
   ORDER BY cr.number NULLS FIRST`;

/** A page of cohorts' capacity beside their places taken ($2 round or null, $3 limit, $4 offset). */
export const COHORT_PLANS_SQL = `
  WITH ${HEAD}, cohort_figures AS (
    SELECT f.*, c.name, c.round_id, c.region_id, cr.number AS round_number
      FROM head h
      JOIN stats_figures f ON f.snapshot_id = h.id AND f.scope = 'cohort'
      JOIN cohorts c ON c.id = f.scope_id
      JOIN cascade_rounds cr ON cr.id = c.round_id
     WHERE $2::uuid IS NULL OR c.round_id = $2
  )
  SELECT h.computed_at, h.stale, (SELECT count(*) FROM cohort_figures)::int AS total, x.*
    FROM head h
    LEFT JOIN LATERAL (
      SELECT scope_id AS cohort_id, name, round_id, region_id, capacity, enrolled, participants, completers, certified
        FROM cohort_figures
       ORDER BY round_number, name, scope_id
       LIMIT $3 OFFSET $4
    ) x ON true`;

/** Every region's institutions beside those reached, by region code. */
export const REGION_REACH_SQL = `
  WITH ${HEAD}
  SELECT h.computed_at, h.stale, r.id AS region_id, r.code, r.name, r.name_mn, f.region_institutions,
         f.region_institutions_reached, f.participants
    FROM head h
    LEFT JOIN stats_figures f ON f.snapshot_id = h.id AND f.scope = 'region'
    LEFT JOIN regions r ON r.id = f.scope_id
   ORDER BY r.code NULLS FIRST`;
