import request from 'supertest';
import type { Page } from 'playwright-core';
import { resetDatabase } from '../support/database';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from '../support/factories';
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
type StorageGlobals = {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};

describe("web app: the master teacher's offline field app", () => {
  let web: WebApp;
  let browser: Browser;
  let programmeId: string;
  let courseIds: string[];
  let roundId: string;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    ({ programmeId, coreCourseIds: courseIds } = await makeProgramme(web.db));
    roundId = await makeRound(web.db, programmeId);
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

  /** A cohort the master teacher leads (2024-03-01 to 2024-06-30) with two of the programme's courses. */
  async function cohortLedBy(leadTrainerId: string, name: string, participants: string[]) {
    const cohortId = await makeCohort(web.db, {
      programmeId,
      roundId,
      leadTrainerId,
      courseIds: courseIds.slice(0, 2),
      name,
    });
    for (const fullName of participants)
      await makeEnrolment(web.db, cohortId, await makePerson(web.db, { full_name: fullName }));
    const [first, second] = (await web.db.query(`SELECT code FROM courses WHERE id = ANY($1) ORDER BY code`, [
      courseIds.slice(0, 2),
    ])) as { code: string }[];
    return { cohortId, codes: [first.code, second.code] };
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

  /** The page as a Mongolian reader sees it (the app's first language), then back to English. */
  async function inMongolian(page: Page, look: () => Promise<void>) {
    for (const language of ['mn', 'en']) {
      await page.evaluate(
        (value) => (globalThis as unknown as StorageGlobals).localStorage.setItem('cascade.lang', value),
        language,
      );
      await page.reload();
      await page.getByTestId('sync-bar').waitFor();
      if (language === 'mn') await look();
    }
  }

  async function storedCompletions(cohortId: string) {
    return web.db.query(
      `SELECT p.full_name, cc.completed_on::text AS completed_on, cc.score::float AS score, cc.client_ref
         FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id JOIN people p ON p.id = e.person_id
        WHERE e.cohort_id = $1 ORDER BY p.full_name`,
      [cohortId],
    ) as Promise<{ full_name: string; completed_on: string; score: number | null; client_ref: string }[]>;
  }

  /** On the cohort's page of the field app, records a completion in the grid's cells and saves it. */
  async function recordCompletions(
    page: Page,
    cohort: string,
    cells: { name: string; code: string; on: string; score?: number }[],
  ) {
    await openMenu(page, 'My cohorts');
    await page.getByRole('link', { name: `Record completions in ${cohort}` }).click();
    for (const cell of cells) {
      await page.getByLabel(`${cell.name}, ${cell.code}: completed on`).fill(cell.on);
      if (cell.score !== undefined)
        await page.getByLabel(`${cell.name}, ${cell.code}: score`).fill(String(cell.score));
    }
    await page.getByRole('button', { name: `Save ${cells.length} changes` }).click();
    await page.getByRole('button', { name: 'Save 0 changes' }).waitFor();
  }

  async function storedSessions(mentorId: string) {
    return web.db.query(
      `SELECT client_ref, duration_minutes, occurred_at FROM mentoring_sessions WHERE mentor_id = $1 ORDER BY client_ref`,
      [mentorId],
    ) as Promise<{ client_ref: string; duration_minutes: number; occurred_at: Date }[]>;
  }

  it('logs 3 sessions and 2 completions offline, keeps them through a reload with no network, and stores each once when back online', async () => {
    const mt = await masterTeacher(['Батболд Ганзориг', 'Оюун Сарантуяа']);
    const { cohortId, codes } = await cohortLedBy(mt.personId, 'Дархан-1', ['Сарнай Бат', 'Тэмүүлэн Дорж']);
    const page = await onPhone(mt.account);
    await page.getByText('Батболд Ганзориг').waitFor();
    await openMenu(page, 'My cohorts');
    await page.getByText('2 participants').waitFor();
    await expect(page.getByTestId('as-of').textContent()).resolves.toMatch(/^As of/);

    await browser.context.setOffline(true);
    await logSession(page, 'Батболд Ганзориг', { minutes: 45, notes: 'first' });
    await logSession(page, 'Оюун Сарантуяа', { minutes: 60 });
    await logSession(page, 'Батболд Ганзориг', { minutes: 30 });
    await recordCompletions(page, 'Дархан-1', [
      { name: 'Сарнай Бат', code: codes[0], on: '2024-05-20', score: 85 },
      { name: 'Тэмүүлэн Дорж', code: codes[1], on: '2024-05-21' },
    ]);
    // Recorded on the phone: the grid counts them while they wait.
    await page.getByTestId('roster-row').filter({ hasText: 'Сарнай Бат' }).getByText('1/2').waitFor();
    await openMenu(page, 'Outbox');
    await waitForStates(page, ['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);

    await page.reload();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await waitForStates(page, ['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    const refs = await clientRefs(page);
    await openMenu(page, 'My mentees');
    await page.getByText(/^Offline: kept on this phone, as of/).waitFor();
    await page.getByText('2 sessions waiting to be sent').waitFor();
    await openMenu(page, 'My cohorts');
    await page.getByText(/^Offline: kept on this phone, as of/).waitFor();
    await page.getByRole('link', { name: 'Record completions in Дархан-1' }).click();
    const score = page.getByLabel(`Сарнай Бат, ${codes[0]}: score`);
    await waitFor('the score kept on the phone', async () => (await score.inputValue()) === '85', 30_000);
    await expect(storedSessions(mt.personId)).resolves.toEqual([]);
    await expect(storedCompletions(cohortId)).resolves.toEqual([]);

    await browser.context.setOffline(false);
    await openMenu(page, 'Outbox');
    await waitForStates(page, ['stored', 'stored', 'stored', 'stored', 'stored']);
    const stored = await storedSessions(mt.personId);
    expect(stored.map((s) => s.duration_minutes).sort()).toEqual([30, 45, 60]);
    const completions = await storedCompletions(cohortId);
    expect(completions).toEqual([
      expect.objectContaining({ full_name: 'Сарнай Бат', completed_on: '2024-05-20', score: 85 }),
      expect.objectContaining({ full_name: 'Тэмүүлэн Дорж', completed_on: '2024-05-21', score: null }),
    ]);
    expect([...stored.map((s) => s.client_ref), ...completions.map((c) => c.client_ref)].sort()).toEqual(
      refs.sort(),
    );
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
    await inMongolian(page, () => screenshot(page, 'field-outbox-conflict-rejected'));

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

  it('shows the field pages in Mongolian on a 360 px phone, each passing axe (screenshots)', async () => {
    const mt = await masterTeacher(['Батцэцэг Дорж', 'Ганзориг Бат', 'Солонго Мөнх']);
    const { cohortId, codes } = await cohortLedBy(mt.personId, 'Эрдэнэт-2', [
      'Анар Болд',
      'Билгүүн Сүх',
      'Гэрэл Оюун',
    ]);
    const [enrolment] = (await web.db.query(
      `SELECT e.id FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.cohort_id = $1 AND p.full_name = 'Анар Болд'`,
      [cohortId],
    )) as { id: string }[];
    await makeCompletion(web.db, enrolment.id, courseIds[0], 92);
    const page = await onPhone(mt.account);
    await page.evaluate(() =>
      (globalThis as unknown as StorageGlobals).localStorage.setItem('cascade.lang', 'mn'),
    );
    const look = async (path: string, name: string, ready: string) => {
      await page.goto(path);
      await page.getByText(ready).first().waitFor();
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await screenshot(page, name);
    };
    await look('/field/mentees', 'field-mentees', 'Солонго Мөнх');
    await look('/field/cohorts', 'field-cohorts', 'Эрдэнэт-2');
    await look(`/field/cohorts/${cohortId}`, 'field-cohort-completions', 'Гэрэл Оюун');
    await look('/field/log', 'field-log-session', 'Уулзалт бүртгэх');

    await browser.context.setOffline(true);
    await page.goto(`/field/cohorts/${cohortId}`);
    await page.getByLabel(`Билгүүн Сүх, ${codes[0]}: дүүргэсэн огноо`).fill('2024-05-20');
    await page.getByLabel(`Билгүүн Сүх, ${codes[0]}: оноо`).fill('78');
    await page.getByRole('button', { name: '1 өөрчлөлт хадгалах' }).click();
    await page.getByRole('link', { name: '1 илгээгдээгүй' }).click();
    await page.getByText('Билгүүн Сүх', { exact: false }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'field-outbox');
  });

  it('corrects a recorded score offline: the batch replaces it and the server holds one completion', async () => {
    const mt = await masterTeacher([]);
    const { cohortId, codes } = await cohortLedBy(mt.personId, 'Сэлэнгэ-3', ['Отгон Бат']);
    const [{ id: enrolmentId }] = (await web.db.query(`SELECT id FROM enrolments WHERE cohort_id = $1`, [
      cohortId,
    ])) as { id: string }[];
    await makeCompletion(web.db, enrolmentId, courseIds[0], 60);
    const page = await onPhone(mt.account);
    await openMenu(page, 'My cohorts');
    await page.getByRole('link', { name: 'Record completions in Сэлэнгэ-3' }).click();
    const score = page.getByLabel(`Отгон Бат, ${codes[0]}: score`);
    await waitFor('the recorded score', async () => (await score.inputValue()) === '60', 30_000);

    await browser.context.setOffline(true);
    await score.fill('75');
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    await page.getByRole('button', { name: 'Save 0 changes' }).waitFor();
    await waitFor('the correction shown', async () => (await score.inputValue()) === '75', 30_000);
    await browser.context.setOffline(false);
    await openMenu(page, 'Outbox');
    await waitForStates(page, ['stored']);
    await expect(storedCompletions(cohortId)).resolves.toEqual([
      expect.objectContaining({ full_name: 'Отгон Бат', completed_on: '2024-06-01', score: 75 }),
    ]);
  });

  describe('nothing lost, nothing doubled', () => {
    /** Every session of the teacher is on the server exactly once, with the clientRefs the phone made. */
    async function expectStoredOnce(mentorId: string, refs: string[]) {
      const stored = await storedSessions(mentorId);
      expect(stored.map((s) => s.client_ref)).toEqual([...refs].sort());
    }

    /** The batches the server was sent, by clientRef: how many requests carried each. */
    async function countBatches(): Promise<Map<string, number>> {
      const carried = new Map<string, number>();
      await browser.context.route('**/api/v1/mentoring/sessions/batch', async (route) => {
        for (const item of (route.request().postDataJSON() as { sessions: { clientRef: string }[] }).sessions)
          carried.set(item.clientRef, (carried.get(item.clientRef) ?? 0) + 1);
        await route.continue();
      });
      return carried;
    }

    it('keeps the outbox through a token that expired offline and sends it after the user signs in again', async () => {
      const mt = await masterTeacher(['Энхтуяа Бат']);
      const page = await onPhone(mt.account);
      await browser.context.setOffline(true);
      await logSession(page, 'Энхтуяа Бат', { minutes: 35 });
      await logSession(page, 'Энхтуяа Бат', { minutes: 55 });
      const refs = await clientRefs(page);

      // The token runs out while the phone is offline (its expiry passed; the server would refuse it too).
      await page.evaluate(() => {
        const { localStorage } = globalThis as unknown as StorageGlobals;
        const [header, claims, signature] = localStorage.getItem('cascade.token')!.split('.');
        const decoded = JSON.parse(atob(claims.replace(/-/g, '+').replace(/_/g, '/')));
        const expired = { ...decoded, exp: Math.floor(Date.now() / 1000) - 60 };
        const encoded = btoa(JSON.stringify(expired))
          .replace(/=+$/, '')
          .replace(/\+/g, '-')
          .replace(/\//g, '_');
        localStorage.setItem('cascade.token', `${header}.${encoded}.${signature}`);
      });
      await page.reload();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();

      await browser.context.setOffline(false);
      await page.getByLabel('Email').waitFor();
      await expect(storedSessions(mt.personId)).resolves.toEqual([]);
      await signIn(page, mt.account);
      await page.waitForURL(/\/field\/outbox$/); // back where the user was
      await waitForStates(page, ['stored', 'stored']);
      await expectStoredOnce(mt.personId, refs);
    });

    it('sends each item in one request when two tabs sync at once', async () => {
      const mt = await masterTeacher(['Мөнхзул Гантулга']);
      const first = await onPhone(mt.account);
      await browser.context.setOffline(true);
      for (const minutes of [20, 40, 60]) await logSession(first, 'Мөнхзул Гантулга', { minutes });
      const refs = await clientRefs(first);
      const second = await browser.context.newPage();
      await second.setViewportSize(PHONE);
      await second.goto('/field/outbox');
      await waitForStates(second, ['waiting', 'waiting', 'waiting']);

      const carried = await countBatches();
      // Both tabs ask at once (each also hears the network come back).
      await browser.context.setOffline(false);
      await Promise.all(
        [first, second].map((page) => page.getByRole('button', { name: 'Send now' }).click()),
      );
      await waitForStates(first, ['stored', 'stored', 'stored']);
      await waitForStates(second, ['stored', 'stored', 'stored']);
      expect([...carried.entries()].sort()).toEqual([...refs].sort().map((ref) => [ref, 1]));
      await expectStoredOnce(mt.personId, refs);
    });

    it('finishes a sync once after its tab was closed mid-request', async () => {
      const mt = await masterTeacher(['Номин Эрдэнэ']);
      let page = await onPhone(mt.account);
      await browser.context.setOffline(true);
      await logSession(page, 'Номин Эрдэнэ', { minutes: 25 });
      await logSession(page, 'Номин Эрдэнэ', { minutes: 45 });
      const refs = await clientRefs(page);

      // The server stores the batch, and the tab is closed before the answer arrives.
      let handled!: () => void;
      const stored = new Promise<void>((resolve) => (handled = resolve));
      await browser.context.route('**/api/v1/mentoring/sessions/batch', async (route) => {
        await route.fetch();
        handled();
      });
      await browser.context.setOffline(false);
      await stored;
      await page.close();
      await browser.context.unroute('**/api/v1/mentoring/sessions/batch');
      await expectStoredOnce(mt.personId, refs);

      page = await browser.context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto('/field/outbox');
      await waitForStates(page, ['duplicate', 'duplicate']);
      await expectStoredOnce(mt.personId, refs);
    });

    it('opens offline after the browser restarts, with the outbox and the mentees kept, and syncs once', async () => {
      const mt = await masterTeacher(['Цэцэг Алтан']);
      const page = await onPhone(mt.account);
      await browser.context.setOffline(true);
      await logSession(page, 'Цэцэг Алтан', { minutes: 30 });
      await logSession(page, 'Цэцэг Алтан', { minutes: 90 });
      const refs = await clientRefs(page);

      browser = await browser.restart({ offline: true });
      const again = browser.page;
      await again.setViewportSize(PHONE);
      await again.goto('/field/mentees');
      await again.getByText(/^Offline: kept on this phone, as of/).waitFor();
      await again.getByText('Цэцэг Алтан').waitFor();
      await again.getByText('2 sessions waiting to be sent').waitFor();
      await expect(storedSessions(mt.personId)).resolves.toEqual([]);

      // The outbox opened before the network returns: going to it after, the page left would cut
      // the sync the network's return had started, and its items would come back "duplicate".
      await again.goto('/field/outbox');
      await waitForStates(again, ['waiting', 'waiting']);
      await browser.context.setOffline(false);
      await again.getByRole('button', { name: 'Send now' }).click();
      await waitForStates(again, ['stored', 'stored']);
      await expectStoredOnce(mt.personId, refs);
    });
  });
});
