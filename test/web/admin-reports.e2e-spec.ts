import { readFileSync } from 'fs';
import { buildReportFixture, ReportFixture } from '../reports-fixture';
import { resetDatabase } from '../support/database';
import { waitFor } from '../support/wait';
import { Browser, openSignedIn, screenshot, seriousViolations, startWebApp, WebApp } from './support/browser';

describe('web app: an administrator asks for a report and downloads it in the browser', () => {
  let web: WebApp;
  let browser: Browser;
  let f: ReportFixture;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    f = await buildReportFixture(web.db);
    const token = await web.tokenFor('admin');
    await web.http
      .post(`/api/v1/programmes/${f.programmeId}/stats/refresh`)
      .set('Authorization', `Bearer ${token}`)
      .expect(202);
    await waitFor(
      'the figures snapshot',
      async () =>
        (
          await web.http
            .get(`/api/v1/programmes/${f.programmeId}/stats`)
            .set('Authorization', `Bearer ${token}`)
        ).status === 200,
      120_000,
    );
    browser = await openSignedIn(web.baseURL, await web.user('admin'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('builds a programme summary with a progress bar, downloads it with one click, and its figures match the dashboard', async () => {
    const { page } = browser;
    await page.goto(`/dashboard?programme=${f.programmeId}`);
    const participants = (await page.getByTestId('figure-participants').locator('p').last().textContent())!;
    const completers = (await page.getByTestId('figure-completers').locator('p').last().textContent())!;
    expect(Number(participants)).toBeGreaterThan(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Programme' }).click();
    await page.getByRole('option', { name: 'AI in Education 2026' }).click();
    await page.getByText('CSV', { exact: true }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Build the report' }).click();

    const progress = page.getByTestId('report-progress');
    await progress.getByRole('progressbar', { name: 'Progress' }).waitFor();
    const button = progress.getByRole('button', { name: /^Download / });
    await button.waitFor({ timeout: 60_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toMatch(new RegExp(`^Participants,${participants}\\r?$`, 'm'));
    expect(text).toMatch(new RegExp(`^Completers,${completers}\\r?$`, 'm'));

    const [row] = await web.db.query(`SELECT id FROM report_requests ORDER BY created_at DESC LIMIT 1`);
    const listed = page.getByTestId(`report-${row.id}`);
    await listed.getByText('you', { exact: true }).waitFor();
    await listed.getByText('done', { exact: true }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-reports');
  });

  it('narrows a cohort roster to one round of the programme', async () => {
    const { page } = browser;
    await page.getByRole('textbox', { name: 'Report' }).click();
    await page.getByRole('option', { name: 'Cohort roster' }).click();
    await page.locator('label', { hasText: /^Round$/ }).click();
    await page.getByRole('textbox', { name: 'Round' }).click();
    await page.getByRole('option', { name: 'Round 1' }).click();
    await page.getByRole('button', { name: 'Build the report' }).click();
    const request = await waitFor(
      'the roster request',
      async () => {
        const [row] = await web.db.query(
          `SELECT params, status FROM report_requests WHERE kind = 'cohort-roster' ORDER BY created_at DESC LIMIT 1`,
        );
        return row?.status === 'done' ? row : undefined;
      },
      60_000,
    );
    expect(request.params).toMatchObject({ roundId: f.roundId });
  });

  it("marks an expired report and names who asked for another's", async () => {
    const { page } = browser;
    const coordinator = await web.tokenFor('coordinator');
    const res = await web.http
      .post('/api/v1/reports')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({ programmeId: f.programmeId, kind: 'certified-list', format: 'csv', language: 'mn' })
      .expect(202);
    const [asker] = await web.db.query(
      `SELECT u.email FROM report_requests r JOIN users u ON u.id = r.requested_by WHERE r.id = $1`,
      [res.body.id],
    );
    await waitFor(
      'the coordinator’s report',
      async () =>
        (await web.db.query(`SELECT status FROM report_requests WHERE id = $1`, [res.body.id]))[0].status ===
        'done',
      60_000,
    );
    await web.db.query(`UPDATE report_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      res.body.id,
    ]);
    await page.goto('/reports');
    const listed = page.getByTestId(`report-${res.body.id}`);
    await listed.getByText('expired', { exact: true }).waitFor();
    await listed.getByText(asker.email).waitFor();
    await expect(listed.getByRole('button', { name: 'Download' }).count()).resolves.toBe(0);
  });
});
