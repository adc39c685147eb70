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
