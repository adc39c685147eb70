import { createHash } from 'crypto';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';

/** What runs raw SQL: the DataSource, a transaction's EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The rows a statement answers (SELECT, INSERT … RETURNING), typed by the caller's column aliases. */
export async function queryRows<Row>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const result: unknown = await runner.query(sql, [...params]);
  return affectedRows<Row>(result) ? result[0] : (result as Row[]);
}

/** An UPDATE or DELETE: the rows it RETURNING-answers and how many rows it touched. */
export interface Execution<Row> {
  rows: Row[];
  affected: number;
}

/**
 * Runs a statement and says how many rows it touched. TypeORM's PostgreSQL driver answers an
 * UPDATE or DELETE with `[rows, rowCount]` and every other command with the rows alone (then
 * `affected` counts the rows answered); this is the one place that reads that difference.
 */
export async function execute<Row = never>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Execution<Row>> {
  const result: unknown = await runner.query(sql, [...params]);
  if (affectedRows<Row>(result)) return { rows: result[0], affected: result[1] };
  const rows = result as Row[];
  return { rows, affected: rows.length };
}

// Rows are objects (never arrays) and a count is a number, so the pair cannot be mistaken for rows.
function affectedRows<Row>(result: unknown): result is [Row[], number] {
  return (
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
  );
}

const statementNames = new Map<string, string>();

/**
 * One name per statement text and variant, derived from the text: a statement built in several
 * shapes is prepared once per shape, and another version of it in the same process (a benchmark's
 * baseline) cannot reuse a name for other SQL.
 */
function statementName(sql: string, variant: string): string {
  const key = `${variant}:${sql}`;
  let name = statementNames.get(key);
  if (!name) {
    const hash = createHash('sha1').update(sql).digest('hex').slice(0, 20);
    name = variant ? `cascade_${hash}_${variant}` : `cascade_${hash}`;
    statementNames.set(key, name);
  }
  return name;
}

/**
 * The rows of a statement sent as a named prepared statement: each pooled connection parses it
 * once, and from its sixth run PostgreSQL keeps one generic plan when that costs no more than the
 * custom ones (plan_cache_mode auto). For statements whose parsing and planning cost PostgreSQL
 * more than running them: a logged session's (0.9 of its 1.7 ms, issue 19), a small programme's
 * rollup. `variant` names a plan of its own for the same text (the rollup's size classes, where one
 * plan does not fit every size). Errors are TypeORM's, as from `query`.
 */
export async function preparedRows<Row>(
  source: DataSource | QueryRunner,
  sql: string,
  params: readonly unknown[] = [],
  variant = '',
): Promise<Row[]> {
  const runner = source instanceof DataSource ? source.createQueryRunner() : source;
  try {
    const client = (await runner.connect()) as PoolClient;
    const name = statementName(sql, variant);
    try {
      return (await client.query({ name, text: sql, values: [...params] })).rows as Row[];
    } catch (error) {
      throw new QueryFailedError(sql, [...params], error as Error);
    }
  } finally {
    if (runner !== source) await runner.release();
  }
}
