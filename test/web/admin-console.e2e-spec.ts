import { resetDatabase } from '../support/database';
import { makeMasterTeacher, makePerson, makeProgramme } from '../support/factories';
import { waitFor } from '../support/wait';
import { Browser, openSignedIn, screenshot, seriousViolations, startWebApp, WebApp } from './support/browser';

describe("web app: the administrator's data quality and audit log", () => {
  let web: WebApp;
  let browser: Browser;
  let adminEmail: string;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: false });
    const { programmeId } = await makeProgramme(web.db, { name: 'AI in Teaching 2025' });
    await makeMasterTeacher(web.db, programmeId, await makePerson(web.db, { full_name: 'Лхагвын Энхжин' }));
    const admin = await web.user('admin');
    adminEmail = admin.email;
    browser = await openSignedIn(web.baseURL, admin);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('counts each missing-information check and lists the records of the one chosen', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Data quality' }).click();
    await page.getByRole('heading', { name: 'Missing information', level: 2 }).waitFor();
    const card = page.getByTestId('check-master-teacher-without-login');
    await card.getByText('1', { exact: true }).waitFor();
    await card.click();
    const findings = page.getByTestId('findings');
    await findings.getByRole('cell', { name: 'Лхагвын Энхжин' }).waitFor();
    await findings.getByRole('cell', { name: '2024-01-15' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-data-quality');
  });

  it('filters the audit log by user, entity and date, on server pages', async () => {
    const { page } = browser;
    const token = await web.tokenFor('admin');
    const [{ id: tokenUser }] = await web.db.query(`SELECT id FROM users ORDER BY created_at DESC LIMIT 1`);
    await web.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: 'audited@example.mn', password: 'a long passphrase', role: 'viewer' })
      .expect(201);
    await waitFor(
      'the audit event of the new user',
      async () =>
        (
          await web.db.query(`SELECT 1 FROM audit_events WHERE actor_user_id = $1 AND entity = 'users'`, [
            tokenUser,
          ])
        ).length > 0,
      15_000,
    );
    const [{ email: actorEmail }] = await web.db.query(`SELECT email FROM users WHERE id = $1`, [tokenUser]);

    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
    const table = page.getByTestId('audit-events');
    await page.getByRole('textbox', { name: 'User' }).fill(actorEmail.slice(0, 12));
    await page.getByRole('option', { name: actorEmail }).click();
    await page.getByRole('textbox', { name: 'Entity' }).fill('users');
    await table.getByText('POST /api/v1/users').waitFor();
    await expect(table.getByRole('cell', { name: adminEmail }).count()).resolves.toBe(0);
    await expect(page.getByTestId('total').textContent()).resolves.toBe('1 in all');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-audit');

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(tomorrow);
    await page.getByText('No event matches.').waitFor();
  });
});
