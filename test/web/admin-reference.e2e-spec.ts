import { resetDatabase } from '../support/database';
import { Browser, openSignedIn, screenshot, seriousViolations, startWebApp, WebApp } from './support/browser';

describe("web app: the administrator's reference data", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: false });
    browser = await openSignedIn(web.baseURL, await web.user('admin'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('adds an institution with both names, and a course with outcomes, workload and ECTS, then changes it', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Reference data' }).click();
    await page.getByRole('heading', { name: 'Reference data', level: 2 }).waitFor();

    await page.getByRole('button', { name: 'New institution' }).click();
    await page.getByRole('textbox', { name: 'Name (Mongolian)' }).fill('Дарханы багшийн коллеж');
    await page.getByRole('textbox', { name: 'Name (English)' }).fill('Darkhan Teachers College');
    await page.getByRole('textbox', { name: 'Region' }).fill('Darkhan');
    await page.getByRole('option', { name: 'Darkhan-Uul' }).click();
    await page.getByRole('textbox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'college' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    const institutions = page.getByTestId('institutions');
    await institutions.getByRole('cell', { name: 'Дарханы багшийн коллеж' }).waitFor();
    await institutions.getByRole('cell', { name: 'Darkhan-Uul' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-reference');

    await page.getByRole('tab', { name: 'Courses' }).click();
    await page.getByRole('button', { name: 'New course' }).click();
    await page.getByRole('textbox', { name: 'Code' }).fill('AI-101');
    await page.getByRole('textbox', { name: 'Title (Mongolian)' }).fill('Хиймэл оюун ухаан ангид');
    await page.getByRole('textbox', { name: 'Title (English)' }).fill('Generative AI in the classroom');
    await page.getByRole('textbox', { name: 'ECTS' }).fill('1.5');
    await page
      .getByRole('textbox', { name: 'Learning outcomes (one a line)' })
      .fill('Plans a lesson with an AI assistant\nJudges AI output for accuracy');
    await page.getByRole('button', { name: 'Save' }).click();
    const courses = page.getByTestId('courses');
    await courses.getByRole('cell', { name: 'AI-101', exact: true }).waitFor();
    const [course] = await web.db.query(`SELECT * FROM courses WHERE code = 'AI-101'`);
    expect(course).toMatchObject({ title_mn: 'Хиймэл оюун ухаан ангид', workload_hours: 30 });
    expect(Number(course.ects)).toBe(1.5);
    expect(course.learning_outcomes).toEqual([
      'Plans a lesson with an AI assistant',
      'Judges AI output for accuracy',
    ]);

    await courses.getByRole('button', { name: 'Edit AI-101' }).click();
    await page.getByRole('textbox', { name: 'Workload (hours)' }).fill('40');
    await page.getByRole('button', { name: 'Save' }).click();
    await courses.getByRole('cell', { name: '40', exact: true }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await page.getByRole('tab', { name: 'Regions' }).click();
    await page.getByRole('cell', { name: 'MN-1', exact: true }).waitFor();
    await expect(page.getByRole('button', { name: /^Edit/ }).count()).resolves.toBe(0);
  });
});
