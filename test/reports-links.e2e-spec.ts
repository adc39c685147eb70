import request from 'supertest';
import { ReportLinks } from '@cascade/reports';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { download, requestReport, waitForReport } from './reports-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';

/** POST /reports/:id/link → a URL a browser opens without an Authorization header. */
describe('reports: signed download links', () => {
  let t: TestApp;
  let f: ReportFixture;
  let coordinator: string;
  let reportId: string;
  let otherReportId: string;

  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };
  const link = (id: string, token = coordinator) =>
    t.http.post(`/api/v1/reports/${id}/link`).set('Authorization', `Bearer ${token}`);
  const open = (path: string) =>
    t.http
      .get(path)
      .buffer(true)
      .parse((res: request.Response, done: (e: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const errorOf = (res: request.Response) => JSON.parse((res.body as Buffer).toString('utf8'));

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildReportFixture(t.db);
    coordinator = await t.tokenFor('coordinator');
    const ask = (body: Record<string, unknown>) =>
      requestReport(t, coordinator, { programmeId: f.programmeId, format: 'csv', language: 'mn', ...body });
    reportId = await ask({ kind: 'cohort-roster', cohortId: f.cohortA });
    otherReportId = await ask({ kind: 'certified-list' });
    expect((await waitForReport(t, coordinator, reportId)).status).toBe('done');
    expect((await waitForReport(t, coordinator, otherReportId)).status).toBe('done');
  });
  afterAll(() => t.close());

  it('answers a URL under the public address that downloads the same file with no token', async () => {
    const res = await link(reportId).expect(201);
    expect(res.body.url).toMatch(new RegExp(`^http://localhost:\\d+/api/v1/reports/${reportId}/download\\?`));
    const minutes = (Date.parse(res.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThanOrEqual(10);
    const opened = await open(pathOf(res.body.url)).expect(200);
    const authorised = await download(t, coordinator, reportId);
    expect(opened.headers['content-disposition']).toBe(authorised.headers['content-disposition']);
    expect(Buffer.compare(opened.body as Buffer, authorised.body)).toBe(0);
  });

  it('opens only the report it was made for', async () => {
    const { url } = (await link(reportId).expect(201)).body;
    const other = pathOf(url).replace(reportId, otherReportId);
    const res = await open(other).expect(403);
    expect(errorOf(res).message).toMatch(/^signature: /);
  });

  it('refuses an altered signature or expiry, and a link past its time, with 403', async () => {
    const { url } = (await link(reportId).expect(201)).body;
    const parsed = new URL(url);
    const expires = Number(parsed.searchParams.get('expires'));
    const signature = parsed.searchParams.get('signature')!;
    await open(`${parsed.pathname}?expires=${expires + 3600}&signature=${signature}`).expect(403);
    await open(`${parsed.pathname}?expires=${expires}&signature=${signature.slice(0, -2)}xx`).expect(403);
    await open(`${parsed.pathname}?expires=${expires}`).expect(400);
    const lapsed = t.app.get(ReportLinks).sign(reportId, new Date(Date.now() - 11 * 60_000));
    const res = await open(pathOf(lapsed.url)).expect(403);
    expect(errorOf(res).message).toMatch(/^expires: /);
  });

  it('gives links only to who may see the report, and only once it is done', async () => {
    await link(reportId, await t.tokenFor('viewer')).expect(403);
    await link(reportId, await t.tokenFor('admin')).expect(201);
    await t.http.post(`/api/v1/reports/${reportId}/link`).expect(401);
    await t.db.query(`UPDATE report_requests SET status = 'running' WHERE id = $1`, [otherReportId]);
    await link(otherReportId).expect(409);
  });
});
