import { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { CellValue, Column, ReportContext, ReportEvent } from './report-content';

/** Rows fetched from the server per round trip; the cursor keeps the rest on the server. */
const BATCH_SIZE = 1000;

/** Rows of a query read through a server-side cursor, so memory holds one batch at a time. */
export async function* cursorRows<T>(client: PoolClient, sql: string, params: unknown[]): AsyncGenerator<T> {
  const stream = client.query(new QueryStream(sql, params, { batchSize: BATCH_SIZE }));
  for await (const row of stream) yield row as T;
}

/**
 * A list section: its heading, then one row event per query row, capped at the context's row
 * limit (one more row is fetched to know whether the cap cut anything).
 */
export async function* listSection<T>(
  context: ReportContext,
  section: { title: string; columns: Column[] },
  query: { sql: string; params: unknown[] },
  toValues: (row: T) => CellValue[],
): AsyncGenerator<ReportEvent> {
  yield { type: 'section', title: section.title, columns: section.columns };
  const limit = context.rowLimit;
  const sql = limit === undefined ? query.sql : `${query.sql}\nLIMIT ${limit + 1}`;
  let written = 0;
  for await (const row of cursorRows<T>(context.client, sql, query.params)) {
    if (limit !== undefined && written === limit) {
      yield { type: 'note', text: context.labels.meta.truncated(limit) };
      break;
    }
    written += 1;
    yield { type: 'row', values: toValues(row) };
  }
}

export async function countOf(client: PoolClient, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM (${sql}) counted`,
    params,
  );
  return Number(rows[0].count);
}
