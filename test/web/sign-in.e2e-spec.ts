import { resetDatabase } from '../support/database';
import { makeProgramme } from '../support/factories';
import {
  Browser,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startWebApp,
  WebApp,
} from './support/browser';

describe('web app: signing in and the pages each role may use', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: false });
  });
  afterAll(async () => {
    await web?.close();
  });
  beforeEach(async () => {
    browser = await openBrowser(web.baseURL);
  });
  afterEach(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor to the login page and, once signed in, back to the page asked for', async () => {
    const { page } = browser;
    await makeProgramme(web.db, { name: 'AI in Teaching 2025' });
    const coordinator = await web.user('coordinator');

    await page.goto('/programmes');
    await page.waitForURL(/\/login\?next=%2Fprogrammes$/);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'login');

    await signIn(page, { ...coordinator, password: 'wrong-password' });
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor();

    await signIn(page, coordinator);
    await page.waitForURL(/\/programmes$/);
    await page.getByRole('link', { name: 'AI in Teaching 2025' }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: 'AI in Teaching 2025' }).waitFor();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(coordinator.email);
  });

  it('takes a user whose session the API no longer accepts back to login, then to where they were', async () => {
    const { page } = browser;
    const coordinator = await web.user('coordinator');
    await page.goto('/login');
    await signIn(page, coordinator);
    await page.waitForURL(/\/dashboard/);

    // A token the API no longer accepts (here: signed with another secret) that still looks current.
    await page.evaluate(
      `localStorage.setItem('cascade.token', localStorage.getItem('cascade.token').replace(/[^.]+$/, 'forged'))`,
    );
    await page.goto('/programmes');
    await page.waitForURL(/\/login\?next=%2Fprogrammes$/);
    await signIn(page, coordinator);
    await page.waitForURL(/\/programmes$/);
  });

  it('shows a viewer the dashboard and reports only, refuses the write pages, and greets them in Mongolian first', async () => {
    await browser.close();
    browser = await openBrowser(web.baseURL, 'mn');
    const { page } = browser;
    const viewer = await web.user('viewer');
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Cascade-д нэвтрэх' }).waitFor();
    await page.getByLabel('Имэйл').fill(viewer.email);
    await page.getByLabel('Нууц үг').fill(viewer.password);
    await page.getByRole('button', { name: 'Нэвтрэх' }).click();
    await page.waitForURL(/\/dashboard/);

    const menu = page.getByRole('navigation', { name: 'Үндсэн цэс' });
    await menu.getByRole('link', { name: 'Хяналтын самбар' }).waitFor();
    await expect(menu.getByRole('link').allTextContents()).resolves.toEqual([
      'Хяналтын самбар',
      'Тайлангууд',
    ]);

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    const { programmeId } = await makeProgramme(web.db);
    for (const path of [
      '/programmes',
      '/programmes/new',
      `/programmes/${programmeId}`,
      `/programmes/${programmeId}/cascade`,
      `/programmes/${programmeId}/rounds/${programmeId}`,
      `/cohorts/${programmeId}`,
      `/people/${programmeId}`,
    ]) {
      await page.goto(path);
      await page.getByText('Your account may not open this page.').waitFor();
    }
    // The language chosen is remembered across page loads.
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

    // And the API refuses the viewer's token for a write, whatever the page shows.
    const token = await page.evaluate(`localStorage.getItem('cascade.token')`);
    const res = await page.request.post('/api/v1/programmes', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        name: 'x',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        coreCourseIds: [],
        passMark: 60,
        credential: { title: 't', level: 'l', issuer: 'i' },
      },
    });
    expect(res.status()).toBe(403);
  });
});
