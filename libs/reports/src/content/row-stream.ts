import { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { CellValue, Column, ReportContext, ReportEvent } from './report-content';

/** Rows fetched from the server per round trip (the cursor keeps the rest there), and per rows event. */
const BATCH_SIZE = 1000;

/**
 * The rows of a query in batches, read through a server-side cursor, so memory holds a batch
 * or two at a time. The stream fetches the next batch while the current one is being written.
 */
export async function* cursorBatches<T>(
  client: PoolClient,
  sql: string,
  params: unknown[],
): AsyncGenerator<T[]> {
  const stream = client.query(new QueryStream(sql, params, { batchSize: BATCH_SIZE }));
  let batch: T[] = [];
  for await (const row of stream) {
    batch.push(row as T);
    if (batch.length === BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A list section: its heading, then the query's rows, capped at the context's row limit (one
 * more row is fetched to know whether the cap cut anything).
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
  for await (const batch of cursorBatches<T>(context.client, sql, query.params)) {
    const room = limit === undefined ? batch.length : limit - written;
    const rows = batch.length > room ? batch.slice(0, room) : batch;
    written += rows.length;
    if (rows.length > 0) yield { type: 'rows', rows: rows.map(toValues) };
    if (rows.length < batch.length) {
      yield { type: 'note', text: context.labels.meta.truncated(limit!) };
      break;
    }
  }
}

export async function countOf(client: PoolClient, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM (${sql}) counted`,
    params,
  );
  return Number(rows[0].count);
}
