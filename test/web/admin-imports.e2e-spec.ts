import { readFileSync } from 'fs';
import { buildImportFixture, cohortOf, csv } from '../imports-helpers';
import { resetDatabase } from '../support/database';
import { Browser, openSignedIn, screenshot, seriousViolations, startWebApp, WebApp } from './support/browser';

describe('web app: an administrator imports a roster CSV', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    const fixture = await buildImportFixture(web.db);
    await cohortOf(web.db, fixture, { name: 'Darkhan-2' });
    browser = await openSignedIn(web.baseURL, await web.user('admin'));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('offers the template, then shows progress, the accepted count and each bad row by line, downloadable', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { name: 'Imports', level: 2 }).waitFor();

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the roster template' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('roster-template.csv');
    expect(readFileSync((await template.path())!, 'utf8')).toContain(
      'fullName,email,institution,discipline,gender,preferredLanguage',
    );

    await page.getByRole('textbox', { name: 'Programme' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('textbox', { name: 'Enrol everyone in cohort (optional)' }).click();
    await page.getByRole('option', { name: 'Darkhan-2' }).click();
    const file = csv(
      'Бат-Эрдэнэ Оюунцэцэг,oyuna@example.mn,Darkhan Teachers College,Mathematics,female,mn',
      'Ганболд Төмөр,tomor@,Дарханы багшийн коллеж,Physics,male,en',
      'Сүхбаатар Болд,bold@example.mn,Дарханы багшийн коллеж,,,',
      'Дорж Нараа,naraa@example.mn,Nowhere College,,,',
    );
    await page.locator('input[type="file"]').setInputFiles({
      name: 'darkhan-2.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    const result = page.getByTestId('import-result');
    await result.getByRole('progressbar', { name: 'Progress' }).waitFor();
    await result.getByText('done', { exact: true }).waitFor({ timeout: 60_000 });
    await expect(result.getByTestId('count-createdRows').textContent()).resolves.toBe('Created2');
    await expect(result.getByTestId('count-enrolledRows').textContent()).resolves.toBe('Enrolled2');
    await expect(result.getByTestId('count-errorRows').textContent()).resolves.toBe('Rejected2');
    const rows = result.getByTestId('rejected-rows').locator('tbody tr');
    await rows.first().waitFor();
    const lines = await Promise.all(
      (await rows.all()).map(async (tr) => (await tr.locator('td').allTextContents()).slice(0, 2)),
    );
    expect(lines).toEqual([
      ['3', 'email'],
      ['5', 'institution'],
    ]);

    const [rejected] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rejected rows (CSV)' }).click(),
    ]);
    const text = readFileSync((await rejected.path())!, 'utf8');
    expect(text).toContain('row,field,message');
    expect(text).toMatch(/\r\n3,email,/);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'admin-imports');
  });
});
