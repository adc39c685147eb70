import { Pool, PoolClient } from 'pg';
import { ReportContext, ReportEvent } from '../libs/reports/src/content/report-content';
import { listSection } from '../libs/reports/src/content/row-stream';
import { labelsFor } from '../libs/reports/src/i18n/report-labels';
import { TEST_DATABASE_URL } from './support/test-env';

/** A list section read through its cursor, in batches, cut at the row limit (a PDF's cap). */
describe('report list sections', () => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  let client: PoolClient;
  beforeAll(async () => {
    client = await pool.connect();
  });
  afterAll(async () => {
    client.release();
    await pool.end();
  });

  async function events(count: number, rowLimit?: number): Promise<ReportEvent[]> {
    const context = { client, labels: labelsFor('en'), rowLimit } as unknown as ReportContext;
    const section = {
      title: 'Numbers',
      columns: [{ key: 'n', label: 'n', type: 'integer' as const, width: 5 }],
    };
    const query = { sql: 'SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n', params: [count] };
    const out: ReportEvent[] = [];
    for await (const event of listSection<{ n: number }>(context, section, query, (row) => [row.n]))
      out.push(event);
    return out;
  }
  const rowsOf = (out: ReportEvent[]) =>
    out.flatMap((e) => (e.type === 'rows' ? e.rows.map(([n]) => n) : []));
  const notes = (out: ReportEvent[]) => out.filter((e) => e.type === 'note');

  it('streams every row in order, in batches of the cursor fetch', async () => {
    const out = await events(2500);
    expect(out[0]).toMatchObject({ type: 'section', title: 'Numbers' });
    expect(out.filter((e) => e.type === 'rows').map((e) => (e.type === 'rows' ? e.rows.length : 0))).toEqual([
      1000, 1000, 500,
    ]);
    expect(rowsOf(out)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(notes(out)).toEqual([]);
  });

  it.each([
    [1500, 1200],
    [1000, 999],
    [3, 2],
  ])('cuts %i rows at a limit of %i and says so', async (count, limit) => {
    const out = await events(count, limit);
    expect(rowsOf(out)).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
    expect(notes(out)).toEqual([{ type: 'note', text: labelsFor('en').meta.truncated(limit) }]);
    expect(out.at(-1)?.type).toBe('note');
  });

  it.each([
    [1000, 1000],
    [5, 5],
    [0, 5],
  ])('adds no note when %i rows fit a limit of %i', async (count, limit) => {
    const out = await events(count, limit);
    expect(rowsOf(out)).toHaveLength(count);
    expect(notes(out)).toEqual([]);
  });
});
