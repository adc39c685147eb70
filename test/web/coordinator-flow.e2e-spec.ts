import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Page, Request } from 'playwright-core';
import { resetDatabase } from '../support/database';
import { makeCourse, makePerson } from '../support/factories';
import {
  Browser,
  openBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startWebApp,
  WebApp,
} from './support/browser';
import { pickOption, pickPerson } from './support/pickers';
import { waitFor } from '../support/wait';

/** A day relative to today: enrolments are dated today and a completion may not precede its enrolment. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A coordinator's whole task in the browser, against the real API and worker: programme → master
 * teacher → round with two cohorts in two regions → enrolments → completions → certified → figures.
 */
// Steps wait for the worker (certification, rollup) on two shared cores.
jest.setTimeout(180_000);

describe('web app: a coordinator runs a programme from the browser', () => {
  let web: WebApp;
  let browser: Browser;
  let page: Page;
  const people = { master: '', a: '', b: '', c: '' };
  let programmeId = '';

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    for (const code of ['AI-101', 'AI-102', 'AI-103'])
      await makeCourse(web.db, { code, title: `Course ${code}`, title_mn: `Хичээл ${code}` });
    people.master = await makePerson(web.db, { full_name: 'Оюунаа Мастер', email: 'oyunaa@example.mn' });
    people.a = await makePerson(web.db, { full_name: 'Анар Багш', email: 'anar@example.mn' });
    people.b = await makePerson(web.db, { full_name: 'Болор Багш', email: 'bolor@example.mn' });
    people.c = await makePerson(web.db, { full_name: 'Цэцэг Багш', email: 'tsetseg@example.mn' });
    browser = await openBrowser(web.baseURL);
    page = browser.page;
    await page.goto('/login');
    await signIn(page, await web.user('coordinator'));
    await page.waitForURL(/\/dashboard/);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('creates a programme with the wizard, picking its core courses', async () => {
    await page.getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByLabel('Name').fill('AI in Teaching 2026');
    await page.getByLabel('Starts on').fill(day(-60));
    await page.getByLabel('Ends on').fill(day(365));
    for (const code of ['AI-101', 'AI-102', 'AI-103']) await pickOption(page, 'Core courses', code);
    await page.getByLabel('Credential title').fill('AI in Education');
    await page.getByRole('textbox', { name: 'Level', exact: true }).fill('micro-credential');
    await page.getByRole('textbox', { name: 'Issuer', exact: true }).fill('National Centre');
    await page.getByLabel('Type of assessment').fill('Portfolio and observed lesson');
    await pickOption(page, 'Form of participation', 'hybrid');
    await page.getByLabel('Type of quality assurance').fill('Internal review by the national centre');
    await screenshot(page, 'programme-wizard');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { name: 'AI in Teaching 2026' }).waitFor();
    programmeId = /\/programmes\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(programmeId).not.toBe('');
  });

  it('shows the API’s refusal next to the field it names and keeps what was typed', async () => {
    const form = page.getByRole('form', { name: 'Plan a round' });
    await form.getByLabel('Name').fill('Spring wave');
    await form.getByLabel('Starts on').fill(day(30));
    await form.getByLabel('Ends on').fill(day(-30));
    await form.getByLabel('Target participants').fill('60');
    await pickOption(page, 'Regions', 'Ulaanbaatar', form);
    await form.getByRole('button', { name: 'Add round' }).click();
    await form.getByText('must not be before startsOn').waitFor();
    await expect(form.getByLabel('Ends on').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByLabel('Name').inputValue()).resolves.toBe('Spring wave');
  });

  it('adds a master teacher found by name, and plans a round in two regions', async () => {
    const masters = page.getByRole('form', { name: 'Add master teacher' });
    await pickPerson(page, masters.getByLabel('Person (search by name or email)'), 'Оюунаа');
    await pickOption(page, 'Regions served', 'Ulaanbaatar', masters);
    await masters.getByRole('button', { name: 'Add master teacher' }).click();
    await page.getByRole('link', { name: 'Оюунаа Мастер' }).waitFor();

    const round = page.getByRole('form', { name: 'Plan a round' });
    await round.getByLabel('Starts on').fill(day(-30));
    await round.getByLabel('Ends on').fill(day(180));
    // Name, target and Ulaanbaatar are still there from the refused save.
    await pickOption(page, 'Regions', 'Darkhan-Uul', round);
    await round.getByRole('button', { name: 'Add round' }).click();
    await page.getByRole('link', { name: 'Spring wave' }).click();
    await page.getByRole('heading', { name: /Spring wave/ }).waitFor();
  });

  it('adds two cohorts in two regions led by the eligible master teacher', async () => {
    for (const [name, region] of [
      ['Ulaanbaatar-1', 'Ulaanbaatar'],
      ['Darkhan-1', 'Darkhan-Uul'],
    ]) {
      const form = page.getByRole('form', { name: 'Add a cohort' });
      await form.getByLabel('Cohort name').fill(name);
      await pickOption(page, 'Region', region, form);
      await pickOption(page, 'Lead trainer', 'Оюунаа Мастер', form);
      await form.getByLabel('Capacity').fill('30');
      await form.getByRole('button', { name: 'Add cohort' }).click();
      await page.getByRole('link', { name }).waitFor();
    }
    await expect(page.getByTestId('cohort-card').count()).resolves.toBe(2);
    await expect(
      page.getByRole('region', { name: 'Darkhan-Uul' }).getByText('Darkhan-1').count(),
    ).resolves.toBe(1);
    await screenshot(page, 'round-planning');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('enrols people by search and by a pasted list of emails, and shows the fill', async () => {
    await page.getByRole('link', { name: 'Ulaanbaatar-1' }).click();
    const form = page.getByRole('form', { name: 'Enrol people' });
    await pickPerson(page, form.getByLabel('Search people by name or email'), 'Анар');
    await form
      .getByLabel('Or paste emails (one per line)')
      .fill('bolor@example.mn\ntsetseg@example.mn\nnobody@example.mn');
    await form.getByRole('button', { name: 'Enrol' }).click();
    await form.getByText('No person has these emails: nobody@example.mn').waitFor();
    await waitFor(
      'three people on the roster',
      async () => (await page.getByTestId('roster-row').count()) === 3,
      30_000,
    );
    // The cohort (its fill) and the roster are two reads refetched after the enrolment: either
    // may answer first.
    await waitFor(
      'the fill 3/30',
      async () => (await page.getByTestId('cohort-fill').first().textContent()) === '3/30',
      30_000,
    );
  });

  it('records completions in the grid in one save, shows a refused row in place, and certifies', async () => {
    for (const code of ['AI-101', 'AI-102', 'AI-103']) {
      await page.getByLabel(`Анар Багш, ${code}: completed on`).fill(day(0));
      await page.getByLabel(`Анар Багш, ${code}: score`).fill('92');
    }
    await page.getByLabel('Болор Багш, AI-101: completed on').fill(day(0));
    await page.getByLabel('Болор Багш, AI-101: score').fill('120');
    await screenshot(page, 'completions-grid');
    await page.getByRole('button', { name: /Save 4 changes/ }).click();
    const bolor = page.getByTestId('roster-row').filter({ hasText: 'Болор Багш' });
    await bolor.getByRole('alert').waitFor();
    await expect(page.getByLabel('Болор Багш, AI-101: score').inputValue()).resolves.toBe('120');
    const anar = page.getByTestId('roster-row').filter({ hasText: 'Анар Багш' });
    await anar.getByText('3/3').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // A corrected score and the refused row fixed: one request again, no PATCH per completion.
    const writes: string[] = [];
    const record = (request: Request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/'))
        writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    };
    page.on('request', record);
    await page.getByLabel('Анар Багш, AI-102: score').fill('90');
    await page.getByLabel('Болор Багш, AI-101: score').fill('80');
    await page.getByRole('button', { name: /Save 2 changes/ }).click();
    await bolor.getByText('1/3').waitFor();
    page.off('request', record);
    expect(writes).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/cohorts\/[0-9a-f-]{36}\/completions\/batch$/),
    ]);
    await expect(bolor.getByRole('alert').count()).resolves.toBe(0);
    await expect(page.getByLabel('Анар Багш, AI-102: score').inputValue()).resolves.toBe('90');

    await anar.getByRole('link', { name: 'Анар Багш' }).click();
    // The worker certifies; the page shows it after a reload. Two shared cores: a generous deadline.
    await waitFor(
      'Анар certified by the worker',
      async () => {
        await page.reload();
        await page.getByRole('heading', { name: 'Анар Багш' }).waitFor();
        return (await page.getByTestId('certification').count()) === 1;
      },
      90_000,
      500,
    );
    await page.getByText('Оюунаа Мастер').first().waitFor();
    await screenshot(page, 'person');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('shows the dashboard figures change once the rollup has run', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await waitFor(
      'participants 3 and certified 1 on the dashboard',
      async () => {
        await page.reload();
        await page.getByTestId('figure-participants').waitFor();
        const [participants, certified] = await Promise.all([
          page.getByTestId('figure-participants').textContent(),
          page.getByTestId('figure-certified').textContent(),
        ]);
        return participants?.endsWith('3') === true && certified?.endsWith('1') === true;
      },
      90_000,
      500,
    );
    await page.getByTestId('breakdown-region').getByText('Ulaanbaatar').waitFor();
    // Issue 18: the funnel by generation, plan against actual per round, trainers' reach and outcome.
    await page
      .getByTestId('generation-funnel')
      .getByText('gen. 2: 33% complete, 100% of completers certified')
      .waitFor();
    await expect(page.getByTestId('round-attainment').textContent()).resolves.toBe(
      '3 of 60 places · 1 completers · 1 certified',
    );
    const trainer = page.getByTestId('trainer-row').filter({ hasText: 'Оюунаа Мастер' });
    await trainer.waitFor();
    await expect(trainer.getByRole('cell').allTextContents()).resolves.toEqual([
      'Оюунаа Мастерmaster teacher',
      '1',
      '3',
      '33.3%',
      '100%',
      '3',
      '33.3%',
      '100%',
    ]);
    // Charts are drawn as they come near the screen: pass each panel before the full-page screenshot.
    for (const panel of ['breakdown-region', 'round-progress', 'breakdown-round', 'trainers'])
      await page.getByTestId(panel).scrollIntoViewIfNeeded();
    await waitFor(
      'the funnel, generation and breakdown charts drawn',
      async () => (await page.locator('.recharts-wrapper').count()) >= 4,
      30_000,
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'dashboard');
    // Sorted on the server: a click on a header asks for the other order.
    await page.getByRole('button', { name: /^Trainer/ }).click();
    await page.locator('th[aria-sort="ascending"]').getByText('Trainer').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    // Dates read alike in every browser (Debian's Chromium has no Mongolian locale data): English
    // with the month in words, Mongolian year first in numbers.
    const asOf = async () => (await page.getByTestId('figures-as-of').textContent()) ?? '';
    await expect(asOf()).resolves.toMatch(/^Figures as of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);
    await page.getByText('MN', { exact: true }).click();
    await waitFor(
      'the figures dated in Mongolian',
      async () => /^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}-ны байдлаарх тоо$/.test(await asOf()),
      10_000,
    );
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
  });

  it('shows "updating…" while a rollup is pending, then the new figures as of a later time', async () => {
    const asOf = () => page.getByTestId('figures-as-of').textContent();
    const updating = page.getByRole('status').filter({ hasText: 'updating…' });
    const before = await asOf();
    // The rollup that a write asks for is held back, so the pending state can be seen.
    const stats = web.app.get<Queue>(getQueueToken('stats'));
    await stats.pause();
    try {
      const [darkhan] = await web.db.query(`SELECT id FROM cohorts WHERE name = 'Darkhan-1'`);
      const personId = await makePerson(web.db, { full_name: 'Дулмаа Багш' });
      await web.http
        .post(`/api/v1/cohorts/${darkhan.id}/enrolments`)
        .auth(await web.tokenFor('coordinator'), { type: 'bearer' })
        .send({ personId })
        .expect(201);
      await waitFor(
        '"updating…" on the dashboard after the write',
        async () => {
          await page.reload();
          await page.getByTestId('figures-as-of').waitFor();
          return (await updating.count()) === 1;
        },
        30_000,
        500,
      );
      await expect(asOf()).resolves.toBe(before);
      await expect(seriousViolations(page)).resolves.toEqual([]);
    } finally {
      await stats.resume();
    }
    // The page asks again by itself while the figures are pending: no reload here.
    await waitFor(
      '"updating…" gone and the figures as of a later time',
      async () => (await updating.count()) === 0 && (await asOf()) !== before,
      90_000,
      500,
    );
    await expect(page.getByTestId('figure-participants').textContent()).resolves.toMatch(/4$/);
  });

  it('draws the cascade tree from the master teacher down to the participants', async () => {
    await page.goto(`/programmes/${programmeId}/cascade`);
    await page.getByRole('button', { name: 'Open Оюунаа Мастер' }).click();
    await page.getByRole('link', { name: 'Darkhan-1' }).waitFor();
    await page.getByRole('button', { name: 'Open Ulaanbaatar-1' }).click();
    await page.getByRole('link', { name: 'Цэцэг Багш' }).waitFor();
    await screenshot(page, 'cascade-tree');
    await expect(page.getByRole('treeitem').count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('finds a person across the whole cascade and opens the tree down to them', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Open Оюунаа Мастер' }).waitFor();
    await expect(page.getByRole('link', { name: 'Цэцэг Багш' }).count()).resolves.toBe(0);
    await page.getByLabel('Find a person by name or email').fill('tsetseg@');
    await page.getByRole('button', { name: 'Show Цэцэг Багш in the tree' }).click();
    const hit = page.getByRole('link', { name: 'Цэцэг Багш' });
    await hit.waitFor();
    await waitFor(
      'the hit focused',
      async () =>
        (await page.evaluate<string | null>('document.activeElement?.textContent')) === 'Цэцэг Багш',
      10_000,
    );
    await expect(page.getByRole('button', { name: 'Close Ulaanbaatar-1' }).count()).resolves.toBe(1);
    await screenshot(page, 'cascade-tree-search');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('lists the programmes and shows the programme overview with no serious accessibility violation', async () => {
    await page.goto('/programmes');
    await page.getByRole('link', { name: /./ }).first().waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.goto(`/programmes/${programmeId}`);
    await page.getByRole('heading').first().waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });
});
