import { createHash } from 'crypto';
import { QueryRunner } from 'typeorm';

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

const names = new Map<string, string>();

/**
 * One name per statement text and size class, derived from the text: another version of these
 * statements in the same process (a benchmark's baseline) cannot reuse a name for other SQL.
 */
function nameOf(text: string, sizeClass: number): string {
  const key = `${sizeClass}:${text}`;
  let name = names.get(key);
  if (!name) {
    name = `stats_rollup_${createHash('sha1').update(text).digest('hex').slice(0, 20)}_${sizeClass}`;
    names.set(key, name);
  }
  return name;
}

/** Runs a statement of the rollup, named when sizeClass is set (node-postgres prepares it once per connection). */
export function queryPlanned(
  runner: QueryRunner,
  sizeClass: number | null,
  text: string,
  parameters?: unknown[],
): Promise<unknown> {
  if (sizeClass === null) return runner.query(text, parameters);
  // TypeORM hands its first argument to node-postgres's query, which also takes a { name, text } config.
  const named = { name: nameOf(text, sizeClass), text } as unknown as string;
  return runner.query(named, parameters);
}

/** The size class of a programme of this many memberships: its order of magnitude. */
export const sizeClassOf = (memberships: number) => String(Math.max(0, Math.trunc(memberships))).length;
