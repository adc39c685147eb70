import { RollupService } from '@cascade/stats';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeEnrolment, makePerson } from './support/factories';
import { download, parseCsv, pdfText, requestReport, waitForReport } from './reports-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';

/** What a ministry reads: the first page, one format per language, Mongolian names and order. */
describe('reports fit for a ministry', () => {
  let t: TestApp;
  let f: ReportFixture;
  let admin: string;

  const produce = async (body: Record<string, unknown>) => {
    const id = await requestReport(t, admin, { programmeId: f.programmeId, ...body });
    expect((await waitForReport(t, admin, id)).status).toBe('done');
    return (await download(t, admin, id)).body;
  };

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildReportFixture(t.db);
    admin = await t.tokenFor('admin');
    await t.db.query(`UPDATE cohorts SET name_mn = 'Дархан-2' WHERE id = $1`, [f.cohortA]);
    await t.db.query(
      `UPDATE programmes SET credential = credential || '{"titleMn": "Боловсролд хиймэл оюун"}' WHERE id = $1`,
      [f.programmeId],
    );
    // Names whose Mongolian order differs from code-point order: Ө after О, Ү after У, both before Ф–Я.
    for (const fullName of ['Үүрийн Ярослав', 'Оюун Өлзий', 'Яна Анна'])
      await makeEnrolment(t.db, f.cohortA, await makePerson(t.db, { full_name: fullName }));
    await t.app.get(RollupService).rollup(f.programmeId);
  });
  afterAll(() => t.close());

  it('opens a Mongolian PDF with the programme, credential, issuer, period and headline figures', async () => {
    const { text } = await pdfText(
      await produce({ kind: 'cohort-roster', format: 'pdf', language: 'mn', cohortId: f.cohortA }),
    );
    expect(text).toContain('Гэрчилгээ: Боловсролд хиймэл оюун');
    expect(text).toContain('Олгогч байгууллага: National Centre');
    expect(text).toContain('Хугацаа: 2024.01.01 – 2026.12.31');
    expect(text).toContain('Хамрах хүрээ: Бүлэг Дархан-2');
    expect(text).toMatch(/Дүүргэлтийн\s+хувь/);
    expect(text).toContain('Үзүүлэлтийн огноо: ');
    // Percents with one decimal, dates as YYYY.MM.DD throughout.
    expect(text).toMatch(/\d+\.\d%/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('writes dates the English way in an English PDF', async () => {
    const { text } = await pdfText(await produce({ kind: 'certified-list', format: 'pdf', language: 'en' }));
    expect(text).toContain('Period: 1 Jan 2024 – 31 Dec 2026');
    expect(text).toContain('Credential: AI in Education');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names the cohort in Mongolian and sorts people in Mongolian Cyrillic order', async () => {
    const body = await produce({ kind: 'cohort-roster', format: 'csv', language: 'mn', cohortId: f.cohortA });
    const [header, ...rows] = parseCsv(body.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    const at = (name: string) => header.indexOf(name);
    expect(new Set(rows.map((r) => r[at('Бүлэг')]))).toEqual(new Set(['Дархан-2']));
    const names = rows.map((r) => r[at('Овог нэр')]);
    expect(names).toEqual([...names].sort(new Intl.Collator('mn').compare));
    expect(names.indexOf('Оюун Өлзий')).toBeLessThan(names.indexOf('Өлзий Үүрийнтуяа'));
    expect(names.indexOf('Өлзий Үүрийнтуяа')).toBeLessThan(names.indexOf('Үүрийн Ярослав'));
    expect(names.indexOf('Үүрийн Ярослав')).toBeLessThan(names.indexOf('Яна Анна'));
  });
});
