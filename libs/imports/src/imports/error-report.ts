import { stringify } from 'csv-stringify';
import { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { pipeline, Readable } from 'stream';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SAFE_CSV_OPTIONS } from '@cascade/platform';

/** An import's row errors in file order. */
export const ERRORS_SQL = `SELECT row, field, message FROM import_errors WHERE import_id = $1 ORDER BY row, id`;

/**
 * Every row error of an import as CSV, read through a server-side cursor 1,000 rows at a time:
 * the report of a file of 550,000 bad rows never sits whole in the API's memory. The connection
 * goes back to the pool when the stream ends, or is dropped when it is destroyed (the client
 * went away) or fails.
 */
export async function errorCsv(db: DataSource, importId: string): Promise<Readable> {
  const [client, release] = (await (db.driver as PostgresDriver).obtainMasterConnection()) as [
    PoolClient,
    (error?: Error | boolean) => void,
  ];
  const rows = client.query(new QueryStream(ERRORS_SQL, [importId], { batchSize: 1000 }));
  const csv = stringify({ ...SAFE_CSV_OPTIONS, header: true, columns: ['row', 'field', 'message'] });
  pipeline(rows, csv, (error) => release(error ?? undefined));
  return csv;
}
