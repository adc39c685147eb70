import { resetDatabase } from '../support/database';
import { makePerson } from '../support/factories';
import {
  Browser,
  openBrowser,
  openSignedIn,
  screenshot,
  seriousViolations,
  signIn,
  startWebApp,
  WebApp,
} from './support/browser';
import { waitFor } from '../support/wait';

describe("web app: the administrator's users page", () => {
  let web: WebApp;
  let admin: Browser;
  let other: Browser | undefined;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: false });
  });
  afterAll(async () => {
    await web?.close();
  });
  beforeEach(async () => {
    admin = await openSignedIn(web.baseURL, await web.user('admin'));
  });
  afterEach(async () => {
    await admin?.close();
    await other?.close();
    other = undefined;
  });

  it("creates a master teacher's login linked to their person, shows the password once, and they sign in with it", async () => {
    const { page } = admin;
    await makePerson(web.db, { full_name: 'Должинсүрэн Оюунбилэг', email: 'oyunbileg@example.mn' });
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 2 }).waitFor();

    await page.getByRole('textbox', { name: 'Person' }).fill('Оюунби');
    await page.getByRole('option', { name: /Должинсүрэн Оюунбилэг/ }).click();
    await expect(page.getByRole('textbox', { name: 'Email', exact: true }).inputValue()).resolves.toBe(
      'oyunbileg@example.mn',
    );
    await page.getByRole('button', { name: 'Create the login' }).click();
    const shown = page.getByTestId('one-time-password');
    await shown.getByText('Password for oyunbileg@example.mn').waitFor();
    const password = (await shown.getByTestId('password-value').textContent())!;
    expect(password).toHaveLength(20);

    const row = page.getByTestId('user-oyunbileg@example.mn');
    await row.getByText('Должинсүрэн Оюунбилэг').waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Role of oyunbileg@example.mn' }).inputValue(),
    ).resolves.toBe('master teacher');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-users');

    other = await openBrowser(web.baseURL);
    await other.page.goto('/login');
    await signIn(other.page, { email: 'oyunbileg@example.mn', password });
    // A master teacher lands on their mentees (the field app).
    await other.page.waitForURL(/\/field\/mentees$/);
    await expect(other.page.getByTestId('signed-in-as').textContent()).resolves.toContain('master teacher');
    const [user] = await web.db.query(`SELECT person_id FROM users WHERE email = 'oyunbileg@example.mn'`);
    const [person] = await web.db.query(`SELECT id FROM people WHERE email = 'oyunbileg@example.mn'`);
    expect(user.person_id).toBe(person.id);
  });

  it('deactivating a user signs them out on their next request, and a reset password replaces the old one', async () => {
    const { page } = admin;
    const viewer = await web.user('viewer');
    other = await openSignedIn(web.baseURL, viewer);

    await page.goto('/admin/users');
    await page.getByLabel('Search by email').fill(viewer.email);
    const row = page.getByTestId(`user-${viewer.email}`);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('deactivated').waitFor();

    await other.page.reload();
    await other.page.waitForURL(/\/login\?next=/);
    await signIn(other.page, viewer);
    await other.page.getByRole('alert').waitFor();
    await expect(other.page.url()).toMatch(/\/login/);

    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.getByText('active', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Reset password' }).click();
    const password = (await page.getByTestId('password-value').textContent())!;
    await other.page.reload();
    await signIn(other.page, viewer);
    await other.page.getByRole('alert').getByText('Wrong email or password.').waitFor();
    await signIn(other.page, { email: viewer.email, password });
    await other.page.waitForURL(/\/dashboard/);
  });

  it("a changed role takes effect on the user's next request", async () => {
    const { page } = admin;
    const coordinator = await web.user('coordinator');
    other = await openSignedIn(web.baseURL, coordinator);
    await other.page.goto('/programmes');
    await other.page.getByRole('heading', { name: 'Programmes' }).waitFor();

    await page.goto('/admin/users');
    await page.getByLabel('Search by email').fill(coordinator.email);
    await page.getByRole('textbox', { name: `Role of ${coordinator.email}` }).click();
    await page.getByRole('option', { name: 'viewer' }).click();
    // The select shows the role the API answers once the list is read again.
    const roleSelect = page.getByRole('textbox', { name: `Role of ${coordinator.email}` });
    await waitFor(
      'the role select shows viewer',
      async () => (await roleSelect.inputValue()) === 'viewer',
      15_000,
    );

    await other.page.reload();
    await other.page.waitForURL(/\/login\?next=/);
  });

  it('refuses the users page to a coordinator and a viewer, and so does the API', async () => {
    await admin.close();
    for (const role of ['coordinator', 'viewer'] as const) {
      other = await openSignedIn(web.baseURL, await web.user(role));
      await expect(
        other.page.getByRole('navigation').getByRole('link', { name: 'Users' }).count(),
      ).resolves.toBe(0);
      await other.page.goto('/admin/users');
      await other.page.getByText('Your account may not open this page.').waitFor();
      const token = await web.tokenFor(role);
      await web.http.get('/api/v1/users').set('Authorization', `Bearer ${token}`).expect(403);
      await other.close();
      other = undefined;
    }
  });
});
