import request from 'supertest';
import type { Page } from 'playwright-core';
import { resetDatabase } from '../support/database';
import { makeMasterTeacher, makePerson, makeProgramme } from '../support/factories';
import { waitFor } from '../support/wait';
import {
  Browser,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startWebApp,
  WebApp,
} from './support/browser';

const PHONE = { width: 360, height: 760 };
type ServiceWorkerGlobals = { navigator: { serviceWorker: { controller: object | null } } };

describe("web app: the master teacher's offline field app", () => {
  let web: WebApp;
  let browser: Browser;
  let programmeId: string;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    ({ programmeId } = await makeProgramme(web.db));
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await browser?.close();
  });

  /** A master teacher with a login and mentees assigned from 2024-01-01. */
  async function masterTeacher(menteeNames: string[]) {
    const personId = await makeMasterTeacher(web.db, programmeId, await makePerson(web.db));
    const account = await web.user('master_teacher', personId);
    const assignments: Record<string, string> = {};
    for (const fullName of menteeNames) {
      const mentee = await makePerson(web.db, { full_name: fullName });
      const [{ id }] = await web.db.query(
        `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on) VALUES ($1, $2, $3, '2024-01-01') RETURNING id`,
        [programmeId, personId, mentee],
      );
      assignments[fullName] = id;
    }
    return { personId, account, assignments };
  }

  /** Signed in on a phone-sized screen, on the mentees page, with the service worker in control. */
  async function onPhone(account: { email: string; password: string }): Promise<Page> {
    browser = await openBrowser(web.baseURL);
    const { page } = browser;
    await page.setViewportSize(PHONE);
    await page.goto('/login');
    await signIn(page, account);
    await page.waitForURL(/\/field\/mentees$/);
    await page.getByTestId('as-of').waitFor();
    await page.waitForFunction(
      // The tests' types have no DOM: the page's globals are named by hand.
      () => (globalThis as unknown as ServiceWorkerGlobals).navigator.serviceWorker.controller !== null,
    );
    return page;
  }

  async function openMenu(page: Page, name: string) {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name }).click();
  }

  async function logSession(
    page: Page,
    mentee: string,
    fields: { at?: string; minutes?: number; notes?: string },
  ) {
    await openMenu(page, 'Log a session');
    await page.getByLabel('Mentee').selectOption({ label: mentee });
    if (fields.at) await page.getByLabel('Date and time').fill(fields.at);
    await page.getByLabel('Duration (minutes)').fill(String(fields.minutes ?? 60));
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByLabel('Topics').fill('lesson planning, assessment');
    if (fields.notes) await page.getByLabel('Notes').fill(fields.notes);
    await page.getByRole('button', { name: 'Save on this phone' }).click();
    await page.waitForURL(/\/field\/outbox$/);
  }

  const items = (page: Page) => page.locator('[data-testid^="outbox-"]');
  async function attributes(page: Page, name: string): Promise<string[]> {
    return Promise.all((await items(page).all()).map(async (card) => (await card.getAttribute(name))!));
  }
  const states = async (page: Page) => (await attributes(page, 'data-state')).sort();
  async function clientRefs(page: Page): Promise<string[]> {
    await items(page).first().waitFor();
    return (await attributes(page, 'data-testid')).map((id) => id.slice('outbox-'.length));
  }
  const waitForStates = (page: Page, expected: string[]) =>
    waitFor(
      `outbox states ${expected.join(', ')}`,
      async () => (await states(page)).join() === expected.join(),
      30_000,
    );

  async function storedSessions(mentorId: string) {
    return web.db.query(
      `SELECT client_ref, duration_minutes, occurred_at FROM mentoring_sessions WHERE mentor_id = $1 ORDER BY client_ref`,
      [mentorId],
    ) as Promise<{ client_ref: string; duration_minutes: number; occurred_at: Date }[]>;
  }

  it('logs 3 sessions offline, keeps them through a reload with no network, and stores each once when back online', async () => {
    const mt = await masterTeacher(['Батболд Ганзориг', 'Оюун Сарантуяа']);
    const page = await onPhone(mt.account);
    await page.getByText('Батболд Ганзориг').waitFor();
    await screenshot(page, 'field-mentees');

    await browser.context.setOffline(true);
    await logSession(page, 'Батболд Ганзориг', { minutes: 45, notes: 'first' });
    await logSession(page, 'Оюун Сарантуяа', { minutes: 60 });
    await logSession(page, 'Батболд Ганзориг', { minutes: 30 });
    await waitForStates(page, ['waiting', 'waiting', 'waiting']);

    await page.reload();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await waitForStates(page, ['waiting', 'waiting', 'waiting']);
    const refs = (await clientRefs(page)).sort();
    await openMenu(page, 'My mentees');
    await page.getByText(/^Offline: kept on this phone, as of/).waitFor();
    await page.getByText('2 sessions waiting to be sent').waitFor();
    await expect(storedSessions(mt.personId)).resolves.toEqual([]);

    await browser.context.setOffline(false);
    await openMenu(page, 'Outbox');
    await waitForStates(page, ['stored', 'stored', 'stored']);
    const stored = await storedSessions(mt.personId);
    expect(stored.map((s) => s.client_ref)).toEqual(refs);
    expect(stored.map((s) => s.duration_minutes).sort()).toEqual([30, 45, 60]);
  });

  it('answers a retry after a lost reply with duplicate, and the server holds the session once', async () => {
    const mt = await masterTeacher(['Должин Энхжин']);
    const page = await onPhone(mt.account);
    await browser.context.setOffline(true);
    await logSession(page, 'Должин Энхжин', { minutes: 50 });
    const [ref] = await clientRefs(page);

    let dropped = 0;
    await browser.context.route('**/api/v1/mentoring/sessions/batch', async (route) => {
      if (dropped > 0) return route.continue();
      dropped++;
      await route.fetch(); // the server handles the request …
      await route.abort('connectionreset'); // … and its answer never reaches the phone
    });
    await browser.context.setOffline(false);
    await waitForStates(page, ['duplicate']);
    expect(dropped).toBe(1);
    await expect(storedSessions(mt.personId)).resolves.toEqual([
      expect.objectContaining({ client_ref: ref, duration_minutes: 50 }),
    ]);
  });

  it('shows a rejected item with the reason, and a conflict side by side; both can be resolved', async () => {
    const mt = await masterTeacher(['Ганбат Төмөр']);
    const page = await onPhone(mt.account);
    await browser.context.setOffline(true);
    // Before the assignment starts: the API refuses it.
    await logSession(page, 'Ганбат Төмөр', { at: '2023-06-01T10:00', minutes: 40 });
    await logSession(page, 'Ганбат Төмөр', { at: '2025-05-02T09:00', minutes: 70, notes: 'from the phone' });
    const [conflicting] = await clientRefs(page); // newest first

    // The same clientRef already stored with other content (as another device of this teacher would).
    const token = (await request(web.baseURL).post('/api/v1/auth/login').send(mt.account).expect(200)).body
      .accessToken as string;
    await request(web.baseURL)
      .post('/api/v1/mentoring/sessions/batch')
      .set('Authorization', `Bearer ${token}`)
      .send({
        sessions: [
          {
            assignmentId: mt.assignments['Ганбат Төмөр'],
            clientRef: conflicting,
            occurredAt: '2025-05-02T09:00:00+08:00',
            durationMinutes: 90,
            mode: 'online',
          },
        ],
      })
      .expect(200);

    await browser.context.setOffline(false);
    await page.getByRole('button', { name: 'Send now' }).click();
    await waitForStates(page, ['conflict', 'rejected']);
    const rejected = page.locator('[data-state="rejected"]');
    await expect(rejected.getByTestId('reason').textContent()).resolves.toMatch(/occurredAt/);
    const conflict = page.locator('[data-state="conflict"]');
    await conflict.getByTestId('conflict').getByRole('cell', { name: '90' }).waitFor();
    await conflict.getByTestId('conflict').getByRole('cell', { name: '70' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'field-outbox-conflict-rejected');

    await conflict.getByRole('button', { name: "Keep this phone's" }).click();
    await rejected.getByRole('button', { name: 'Edit and resend' }).click();
    await rejected.getByLabel('Date and time').fill('2025-06-01T10:00');
    await rejected.getByRole('button', { name: 'Resend' }).click();
    await waitForStates(page, ['stored', 'stored']);

    const stored = await storedSessions(mt.personId);
    expect(stored.map((s) => s.duration_minutes).sort()).toEqual([40, 70]);
  });

  it("shows a master teacher only their own mentees, and the API refuses another's", async () => {
    const mine = await masterTeacher(['Нараа Мөнх']);
    const other = await masterTeacher(['Сүхээ Баатар']);
    const page = await onPhone(mine.account);
    await page.getByText('Нараа Мөнх').waitFor();
    await expect(page.getByText('Сүхээ Баатар').count()).resolves.toBe(0);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await openMenu(page, 'Log a session');
    await page.getByRole('option', { name: 'Нараа Мөнх' }).waitFor({ state: 'attached' });
    await expect(page.getByLabel('Mentee').locator('option').allTextContents()).resolves.toEqual([
      'Choose',
      'Нараа Мөнх',
    ]);
    await screenshot(page, 'field-log-session');

    const token = (await request(web.baseURL).post('/api/v1/auth/login').send(mine.account).expect(200)).body
      .accessToken as string;
    await request(web.baseURL)
      .get(`/api/v1/mentoring/mentees?mentorId=${other.personId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    const batch = await request(web.baseURL)
      .post('/api/v1/mentoring/sessions/batch')
      .set('Authorization', `Bearer ${token}`)
      .send({
        sessions: [
          {
            assignmentId: other.assignments['Сүхээ Баатар'],
            clientRef: 'not-mine-1',
            occurredAt: '2025-05-02T09:00:00+08:00',
            durationMinutes: 30,
            mode: 'phone',
          },
        ],
      })
      .expect(200);
    expect(batch.body.results[0].status).toBe('rejected');
  });
});
