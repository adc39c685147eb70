import { writeFileSync } from 'fs';
import { RollupService } from '@cascade/stats';
import { edgeCaseModel } from './analytics-edge-cases';
import { download, parseCsv, pdfText, readXlsx, requestReport, waitForReport } from './reports-helpers';
import { insertModel } from './stats-fixture';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';

/** The cascade-analytics report in every format and language, over the lineages of test/analytics-edge-cases.ts. */
describe('reports: cascade-analytics', () => {
  let t: TestApp;
  let coordinator: string;
  let edge: ReturnType<typeof edgeCaseModel>;

  const produce = async (format: string, language: string) => {
    const token = coordinator;
    const id = await requestReport(t, token, {
      programmeId: edge.model.programmeId,
      kind: 'cascade-analytics',
      format,
      language,
    });
    await expect(waitForReport(t, token, id)).resolves.toMatchObject({ status: 'done', progress: 100 });
    const file = await download(t, token, id);
    expect(file.status).toBe(200);
    // Kept for looking at: pdftoppm -png $TMPDIR/cascade-analytics-mn.pdf
    if (process.env.KEEP_REPORTS)
      writeFileSync(`${process.env.KEEP_REPORTS}/cascade-analytics-${language}.${format}`, file.body);
    return file.body;
  };

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    const regionIds = ((await t.db.query(`SELECT id FROM regions ORDER BY code`)) as { id: string }[]).map(
      (r) => r.id,
    );
    const [user] = (await t.db.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('verifier@test.local', 'x', 'coordinator') RETURNING id`,
    )) as { id: string }[];
    edge = edgeCaseModel(regionIds);
    await insertModel(t.db, edge.model, user.id);
    await new RollupService(t.db).rollup(edge.model.programmeId);
    coordinator = await t.tokenFor('coordinator');
  });
  afterAll(() => t.close());

  it('writes the funnel, trainers, rounds, regions and cohorts as CSV in English, as the API says', async () => {
    const body = await produce('csv', 'en');
    const rows = parseCsv(body.subarray(3).toString('utf8'));
    const after = (title: string, n: number) =>
      rows.slice(rows.findIndex((r) => r[0] === title) + 1).slice(0, n);
    expect(after('Funnel by generation', 3)).toEqual([
      [
        'Generation',
        'Participants',
        'Completers',
        'Certified',
        'AI adopters',
        'Completion rate',
        'Certification rate',
        'AI adoption rate',
      ],
      ['2', '3', '2', '1', '1', '66.7%', '50%', '50%'],
      ['3', '2', '0', '0', '0', '0%', '0%', '0%'],
    ]);
    const [header, master, trainer] = after('Trainers, reach and outcome', 3);
    expect(header.slice(0, 5)).toEqual([
      'Trainer',
      'Master teacher',
      'Generation',
      'Cohorts led',
      'Direct: Participants',
    ]);
    expect(master.slice(1)).toEqual(['yes', '1', '2', '3', '66.7%', '50%', '5', '40%', '50%', '']);
    expect(trainer.slice(1)).toEqual(['', '2', '1', '3', '33.3%', '0%', '3', '33.3%', '0%', '']);
    const [, round1, round2] = after('Rounds, target and actual', 3);
    expect(round1.slice(1)).toEqual(['4', '2', '2', '1', '1', '50%']);
    expect(round2.slice(1)).toEqual(['10', '3', '2', '1', '0', '20%']);
    expect(
      after('Cohorts, capacity and places', 4)
        .slice(1)
        .map((r) => r.slice(1, 4)),
    ).toEqual(
      expect.arrayContaining([
        ['3', '2', '66.7%'],
        ['3', '1', '33.3%'],
      ]),
    );
  });

  it('writes an XLSX in Mongolian, one sheet per section, numbers as numbers', async () => {
    const workbook = await readXlsx(await produce('xlsx', 'mn'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Каскадын шинжилгээ',
      'Үеэрх оролцоо ба үр дүн',
      'Сургагч багш нар, үр дүн',
      'Шатууд, төлөвлөгөө ба гүйцэтгэл',
      'Бүсүүд, хамрагдсан байгууллага',
      'Бүлгүүд, багтаамж ба суудал',
    ]);
    const funnel = workbook.getWorksheet('Үеэрх оролцоо ба үр дүн')!;
    expect(funnel.getRow(1).getCell(1).value).toBe('Үе');
    expect([2, 3, 4, 5].map((c) => funnel.getRow(2).getCell(c).value)).toEqual([3, 2, 1, 1]);
    expect(funnel.getRow(2).getCell(6).value).toBeCloseTo(0.6667, 4);
  });

  it('writes PDFs in both languages with the Cyrillic titles, the chart and the flag rule', async () => {
    const en = await pdfText(await produce('pdf', 'en'));
    for (const text of [
      'Cascade analytics',
      'Participants and completers per generation',
      'Trainers, reach and outcome',
      'A trainer is flagged',
    ])
      expect(en.text).toContain(text);
    const mn = await pdfText(await produce('pdf', 'mn'));
    for (const text of [
      'Каскадын шинжилгээ',
      'Үе тус бүрийн оролцогчид',
      'Сургагч багш нар, үр дүн',
      'Бүсүүд, хамрагдсан байгууллага',
    ])
      expect(mn.text).toContain(text);
  });

  it('refuses the report to a master teacher', async () => {
    const token = await t.tokenFor('master_teacher', edge.people.master);
    await t.http
      .post('/api/v1/reports')
      .set('Authorization', `Bearer ${token}`)
      .send({ programmeId: edge.model.programmeId, kind: 'cascade-analytics', format: 'csv', language: 'en' })
      .expect(403);
  });
});
