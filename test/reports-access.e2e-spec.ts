import { randomUUID } from 'crypto';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCohort, makeRound } from './support/factories';
import { download, requestReport } from './reports-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';

// No worker here: requests stay queued, which is what the 409 needs.
describe('reports: who may ask, and what is refused before any job starts', () => {
  let t: TestApp;
  let f: ReportFixture;
  let admin: string;
  let viewer: string;
  let lead: string;
  const post = (token: string, body: Record<string, unknown>) =>
    t.http.post('/api/v1/reports').set('Authorization', `Bearer ${token}`).send(body);
  const queuedCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM report_requests`))[0].n as number;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    f = await buildReportFixture(t.db);
    admin = await t.tokenFor('admin');
    viewer = await t.tokenFor('viewer');
    lead = await t.tokenFor('master_teacher', f.lead);
  });
  afterAll(() => t.close());

  it('refuses bad parameters with 400 naming the field, and writes nothing', async () => {
    const base = { programmeId: f.programmeId, kind: 'cohort-roster', format: 'csv', language: 'en' };
    const before = await queuedCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'everything' }, 'kind'],
      [{ ...base, format: 'docx' }, 'format'],
      [{ ...base, language: 'fr' }, 'language'],
      [{ ...base, programmeId: 'not-a-uuid' }, 'programmeId'],
      [{ ...base, colour: 'red' }, 'colour'],
      [{ ...base, kind: 'certified-list', cohortId: f.cohortA }, 'cohortId'],
      [{ ...base, kind: 'programme-summary', regionId: f.cohortA }, 'regionId'],
      [{ ...base, cohortId: f.cohortA, roundId: randomUUID() }, 'roundId'],
      [{ ...base, cohortId: f.otherCohort }, 'cohortId'],
    ];
    for (const [body, field] of cases) {
      const res = await post(admin, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.message).toContain(field);
    }
    expect(await queuedCount()).toBe(before);
  });

  it('answers 404 for an unknown programme or cohort', async () => {
    const base = { kind: 'cohort-roster', format: 'csv', language: 'en' };
    expect((await post(admin, { ...base, programmeId: randomUUID() })).status).toBe(404);
    expect((await post(admin, { ...base, programmeId: f.programmeId, cohortId: randomUUID() })).status).toBe(
      404,
    );
  });

  it('refuses a PDF roster longer than the PDF row limit with 400, and accepts it as CSV', async () => {
    const round = await makeRound(t.db, f.programmeId, 2);
    const big = await makeCohort(t.db, {
      programmeId: f.programmeId,
      roundId: round,
      leadTrainerId: f.lead,
      courseIds: f.coreCourseIds,
      capacity: 6000,
    });
    const [{ id: institution }] = await t.db.query(`SELECT id FROM institutions LIMIT 1`);
    await t.db.query(
      `WITH p AS (
         INSERT INTO people (full_name, email, institution_id)
         SELECT 'Оролцогч ' || n, 'bulk-' || n || '@example.mn', $1 FROM generate_series(1, 5001) n RETURNING id)
       INSERT INTO enrolments (cohort_id, person_id) SELECT $2, id FROM p`,
      [institution, big],
    );
    const res = await post(admin, {
      programmeId: f.programmeId,
      kind: 'cohort-roster',
      format: 'pdf',
      language: 'en',
      cohortId: big,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'format: a PDF holds at most 5000 rows and this cohort-roster has 5001; ask for csv or xlsx',
    );
    await expect(
      requestReport(t, admin, {
        programmeId: f.programmeId,
        kind: 'cohort-roster',
        format: 'csv',
        language: 'en',
        cohortId: big,
      }),
    ).resolves.toEqual(expect.any(String));
  });

  it('lets a master teacher export only the roster of a cohort they lead and their own mentoring (403 otherwise)', async () => {
    const base = { programmeId: f.programmeId, format: 'xlsx', language: 'mn' };
    expect((await post(lead, { ...base, kind: 'programme-summary' })).status).toBe(403);
    expect((await post(lead, { ...base, kind: 'certified-list' })).status).toBe(403);
    expect((await post(lead, { ...base, kind: 'cohort-roster' })).status).toBe(403);
    expect((await post(lead, { ...base, kind: 'cohort-roster', cohortId: f.cohortB })).status).toBe(403);
    expect((await post(lead, { ...base, kind: 'cohort-roster', cohortId: f.cohortA })).status).toBe(202);

    const mentoring = await requestReport(t, lead, { ...base, kind: 'mentoring-activity' });
    const own = await t.http
      .get(`/api/v1/reports/${mentoring}`)
      .set('Authorization', `Bearer ${lead}`)
      .expect(200);
    expect(own.body).toMatchObject({ kind: 'mentoring-activity', mentorId: f.lead, status: 'queued' });
    expect(own.body).not.toHaveProperty('filePath');
  });

  it('shows a request to its requester and to staff only; others get 403', async () => {
    const id = await requestReport(t, viewer, {
      programmeId: f.programmeId,
      kind: 'certified-list',
      format: 'csv',
      language: 'en',
    });
    await t.http.get(`/api/v1/reports/${id}`).set('Authorization', `Bearer ${viewer}`).expect(200);
    await t.http.get(`/api/v1/reports/${id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    await t.http.get(`/api/v1/reports/${id}`).set('Authorization', `Bearer ${lead}`).expect(403);
    expect((await download(t, lead, id)).status).toBe(403);
    await t.http.get(`/api/v1/reports/${randomUUID()}`).set('Authorization', `Bearer ${admin}`).expect(404);

    const mine = await t.http
      .get('/api/v1/reports?limit=50')
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const all = await t.http
      .get('/api/v1/reports?limit=2&offset=0')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBe(await queuedCount());
  });

  it('answers 409 for the file of a report that is not done yet', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'certified-list',
      format: 'pdf',
      language: 'mn',
    });
    const res = await download(t, admin, id);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body.toString('utf8')).message).toContain('status: report');
  });

  it('keeps an audit event of each request', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'programme-summary',
      format: 'pdf',
      language: 'en',
    });
    const events = await t.db.query(
      `SELECT action FROM audit_events WHERE entity = 'reports' AND entity_id = $1`,
      [id],
    );
    expect(events).toEqual([{ action: 'POST /api/v1/reports' }]);
  });
});
