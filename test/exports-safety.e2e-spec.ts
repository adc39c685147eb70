import { writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { INTERNAL_FAILURE } from '@cascade/platform';
import { ReportGenerator, ReportsJobsModule } from '@cascade/reports';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeEnrolment, makePerson } from './support/factories';
import { buildReportFixture, ReportFixture } from './reports-fixture';
import { download, parseCsv, requestReport, waitForReport } from './reports-helpers';

const FORMULAS = ['=HYPERLINK("http://evil.example","Click")', '+cmd|/C calc!A0', '-1+1', '@SUM(1)'];

describe('exports: safe to open, and a failure tells nothing of the server', () => {
  let t: TestApp;
  let f: ReportFixture;
  let admin: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildReportFixture(t.db);
    for (const fullName of [...FORMULAS, 'Бат\rЭрдэнэ']) {
      await makeEnrolment(t.db, f.cohortA, await makePerson(t.db, { full_name: fullName }));
    }
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('writes formula-like names with a leading apostrophe and a name with a carriage return on its own row', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'cohort-roster',
      format: 'csv',
      language: 'en',
      cohortId: f.cohortA,
    });
    await expect(waitForReport(t, admin, id)).resolves.toMatchObject({ status: 'done' });
    const file = await download(t, admin, id);
    const [header, ...rows] = parseCsv(file.body.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    const names = rows.map((row) => row[header.indexOf('Full name')]);
    for (const formula of FORMULAS) expect(names).toContain(`'${formula}`);
    expect(names).toContain('Бат\rЭрдэнэ');
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('fails a report that hits an internal error with a reason that holds no server path', async () => {
    // A request with no job: only this test runs it, with its directory made a plain file.
    const [{ id }] = await t.db.query(
      `INSERT INTO report_requests (requested_by, programme_id, kind, format, language, params)
       SELECT id, $1, 'programme-summary', 'csv', 'en', '{}' FROM users LIMIT 1 RETURNING id`,
      [f.programmeId],
    );
    const notADirectory = join(tmpdir(), `cascade-not-a-directory-${process.pid}`);
    writeFileSync(notADirectory, 'x');
    const reportsDir = process.env.REPORTS_DIR;
    process.env.REPORTS_DIR = notADirectory;
    const broken = await createTestApp({ imports: [ReportsJobsModule] }).finally(
      () => (process.env.REPORTS_DIR = reportsDir),
    );
    try {
      const generate = broken.app
        .get(ReportGenerator)
        .generate(id, async () => undefined, { lastAttempt: true });
      await expect(generate).rejects.toThrow(/ENOTDIR|EEXIST/);
    } finally {
      await broken.close();
    }
    const res = await t.http.get(`/api/v1/reports/${id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body).toMatchObject({ status: 'failed', error: INTERNAL_FAILURE });
    expect(JSON.stringify(res.body)).not.toContain(tmpdir());
  });
});
