import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeEnrolment, makePerson } from './support/factories';
import { download, requestReport, waitForReport } from './reports-helpers';
import { buildReportFixture } from './reports-fixture';

/** Answers are compressed for a weak mobile network; downloaded files go as they are. */
describe('HTTP compression', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    coordinator = await t.tokenFor('coordinator');
  });
  afterAll(() => t.close());

  it('compresses a JSON answer for a client that accepts gzip', async () => {
    const res = await t.http
      .get('/api/v1/regions?limit=500')
      .set('Authorization', `Bearer ${coordinator}`)
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.items).toHaveLength(22);
  });

  it('answers uncompressed to a client that does not ask for it', async () => {
    const res = await t.http
      .get('/api/v1/regions?limit=500')
      .set('Authorization', `Bearer ${coordinator}`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('sends a report file as it is, with its length, though the client accepts gzip', async () => {
    const f = await buildReportFixture(t.db);
    for (let n = 0; n < 20; n++) await makeEnrolment(t.db, f.cohortA, await makePerson(t.db));
    const id = await requestReport(t, coordinator, {
      programmeId: f.programmeId,
      kind: 'cohort-roster',
      cohortId: f.cohortA,
      format: 'csv',
      language: 'mn',
    });
    expect((await waitForReport(t, coordinator, id)).status).toBe('done');
    const file = await download(t, coordinator, id);
    expect(file.status).toBe(200);
    expect(file.body.length).toBeGreaterThan(1024); // above the size from which answers are compressed
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(Number(file.headers['content-length'])).toBe(file.body.length);
  });
});
