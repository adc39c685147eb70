import { QueryRunner } from 'typeorm';
import { preparedRows } from '@cascade/platform';

/**
 * A small programme's rollup spent a large part of its time planning its statements (the snapshot
 * statement alone is ~200 lines), the same plans every time; keeping them took its backend CPU at
 * scale 1 from 0.94× to 0.79× that of the rollup before (docs/BENCHMARKS.md). Named (prepared)
 * statements keep their plans in the session, and the working-set tables they read live as long
 * (scratch.sql.ts). PostgreSQL plans a named statement five times, then keeps its generic plan
 * when that costs no more than the custom ones.
 *
 * A kept plan does not follow the size of the working sets (they have no statistics below the
 * ANALYZE threshold, so the planner reads their size at planning time), so each statement is
 * named per size class: the order of magnitude of the programme's memberships. Above the
 * threshold the working sets are analysed, which invalidates kept plans anyway: statements go
 * unnamed, planned every time with their statistics.
 */

/** Runs a statement of the rollup, prepared per size class when sizeClass is set. */
export function queryPlanned(
  runner: QueryRunner,
  sizeClass: number | null,
  text: string,
  parameters?: unknown[],
): Promise<unknown> {
  if (sizeClass === null) return runner.query(text, parameters);
  return preparedRows(runner, text, parameters, `rollup_${sizeClass}`);
}

/** The size class of a programme of this many memberships: its order of magnitude. */
export const sizeClassOf = (memberships: number) => String(Math.max(0, Math.trunc(memberships))).length;
