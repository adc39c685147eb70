import { resetDatabase } from '../support/database';
import {
  Browser,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startWebApp,
  WebApp,
} from './support/browser';

describe('web app: the queue dashboard is for administrators only', () => {
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

  it('opens bull-board for an administrator with one click', async () => {
    const { page } = browser;
    await page.goto('/login');
    await signIn(page, await web.user('admin'));
    await page.waitForURL(/\/dashboard/);
    await page.getByRole('navigation').getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('heading', { name: 'Queues', level: 2 }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-queues');

    await page.getByRole('button', { name: 'Open the queue dashboard' }).click();
    await page.waitForURL(/\/api\/v1\/queues\/$/);
    await expect(page.content()).resolves.toContain('Cascade queues');
    const queues = await page.evaluate(`fetch('/api/v1/queues/api/queues').then((r) => r.status)`);
    expect(queues).toBe(200);
  });

  it.each(['coordinator', 'viewer'] as const)(
    'refuses a %s the queues page, the dashboard itself and its pass',
    async (role) => {
      const { page } = browser;
      await page.goto('/login');
      await signIn(page, await web.user(role));
      await page.waitForURL(/\/dashboard/);
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Queues' }).count()).resolves.toBe(
        0,
      );
      await page.goto('/admin/queues');
      await page.getByText('Your account may not open this page.').waitFor();
      const board = await page.goto('/api/v1/queues/');
      expect(board?.status()).toBe(401);
      await web.http
        .post('/api/v1/queue-board/session')
        .set('Authorization', `Bearer ${await web.tokenFor(role)}`)
        .expect(403);
    },
  );
});
