import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { existsSync } from 'fs';
import { ReportGenerator } from '@cascade/reports';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { download, parseCsv, pdfText, readXlsx, requestReport, waitForReport } from './reports-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';

const today = () => new Date().toISOString().slice(0, 10);

describe('reports: every format read back and compared with the database', () => {
  let t: TestApp;
  let f: ReportFixture;
  let admin: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildReportFixture(t.db);
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('writes a cohort roster as CSV with a BOM, one row per enrolment, in English', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'cohort-roster',
      format: 'csv',
      language: 'en',
      cohortId: f.cohortA,
    });
    const state = await waitForReport(t, admin, id);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM enrolments WHERE cohort_id = $1`,
      [f.cohortA],
    );
    expect(state).toMatchObject({
      status: 'done',
      progress: 100,
      rowCount: count,
      fileName: `cohort-roster-darkhan-2-${today()}.csv`,
    });

    const file = await download(t, admin, id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="cohort-roster-darkhan-2-${today()}.csv"; filename*=UTF-8''cohort-roster-darkhan-2-${today()}.csv`,
    );
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(file.body.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    expect(rows).toHaveLength(count);
    const at = (name: string) => header.indexOf(name);
    const byName = new Map(rows.map((r) => [r[at('Full name')], r]));
    const ann = byName.get('Бат-Эрдэнэ Оюунцэцэг')!;
    expect(ann[at('Institution')]).toBe('Darkhan Teachers College');
    expect(ann[at('Enrolment status')]).toBe('Completed');
    expect(ann[at('Courses completed')]).toBe('3');
    expect(f.scoreColumns.map((code) => ann[at(`Scores: ${code}`)])).toEqual(['80', '70.5', '90']);
    expect(ann[at('Certificate number')]).toBe('MC-2026-000001');
    expect(ann[at('AI adoption')]).toBe('Verified');
    const bold = byName.get('Ганболд Төмөр')!;
    expect([bold[at('Courses completed')], bold[at('Certificate number')], bold[at('AI adoption')]]).toEqual([
      '1',
      '',
      'Unverified',
    ]);
    expect(byName.get('Өлзий Үүрийнтуяа')![at('Enrolment status')]).toBe('Withdrawn');
    expect(byName.get('Өлзий Үүрийнтуяа')![at('AI adoption')]).toBe('None');
  });

  it('writes the whole programme roster as XLSX in Mongolian with typed cells and a frozen bold header', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'cohort-roster',
      format: 'xlsx',
      language: 'mn',
    });
    const state = await waitForReport(t, admin, id);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1`,
      [f.programmeId],
    );
    expect(state).toMatchObject({ status: 'done', rowCount: count });
    const file = await download(t, admin, id);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = await readXlsx(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Бүлгийн оролцогчдын жагсаалт', 'Оролцогчид']);
    const sheet = workbook.getWorksheet('Оролцогчид')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(count + 1);
    const col = (label: string) => header.indexOf(label) + 1;
    const annRow = [...Array(count).keys()]
      .map((i) => sheet.getRow(i + 2))
      .find((r) => r.getCell(1).value === 'Бат-Эрдэнэ Оюунцэцэг')!;
    expect(annRow.getCell(col('Бүс')).value).toBe('Дархан-Уул');
    expect(annRow.getCell(col('Байгууллага')).value).toBe('Дарханы багшийн коллеж');
    expect(annRow.getCell(col('Шат')).value).toBe(1);
    expect(annRow.getCell(col('Бүртгүүлсэн огноо')).value).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(annRow.getCell(col(`Оноо: ${f.scoreColumns[1]}`)).value).toBe(70.5);
    expect(annRow.getCell(col('Бүртгэлийн төлөв')).value).toBe('Дүүргэсэн');
    expect(annRow.getCell(col('Хиймэл оюун нэвтрүүлэлт')).value).toBe('Баталгаажсан');
  });

  it('writes a roster PDF whose text keeps the Cyrillic names, in both languages', async () => {
    for (const [language, title] of [
      ['mn', 'Бүлгийн оролцогчдын жагсаалт'],
      ['en', 'Cohort roster'],
    ] as const) {
      const id = await requestReport(t, admin, {
        programmeId: f.programmeId,
        kind: 'cohort-roster',
        format: 'pdf',
        language,
        cohortId: f.cohortA,
      });
      await expect(waitForReport(t, admin, id)).resolves.toMatchObject({ status: 'done', rowCount: 3 });
      const file = await download(t, admin, id);
      expect(file.headers['content-type']).toBe('application/pdf');
      const { text, pages } = await pdfText(file.body);
      expect(pages).toBeGreaterThanOrEqual(2);
      for (const expected of [
        title,
        'Бат-Эрдэнэ Оюунцэцэг',
        'Өлзий Үүрийнтуяа',
        'MC-2026-000001',
        'Darkhan-2',
      ]) {
        expect(text).toContain(expected);
      }
    }
  });

  it('lists every certification with its revocation, as XLSX and CSV', async () => {
    const xlsxId = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'certified-list',
      format: 'xlsx',
      language: 'en',
    });
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM certifications WHERE programme_id = $1`,
      [f.programmeId],
    );
    await expect(waitForReport(t, admin, xlsxId)).resolves.toMatchObject({ status: 'done', rowCount: count });
    const sheet = (await readXlsx((await download(t, admin, xlsxId)).body)).getWorksheet('Certifications')!;
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      'MC-2026-000001',
      'Бат-Эрдэнэ Оюунцэцэг',
      expect.any(String),
      'Darkhan Teachers College',
      'Darkhan-Uul',
      new Date('2025-06-01T00:00:00Z'),
      'Active',
    ]);
    expect(rows[1]).toEqual([
      'MC-2026-000002',
      'Ганболд Төмөр',
      expect.any(String),
      'Darkhan Teachers College',
      'Darkhan-Uul',
      new Date('2025-06-02T00:00:00Z'),
      'Revoked',
      new Date('2026-01-10T00:00:00Z'),
      'Оноо хангалтгүй',
    ]);

    const csvId = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'certified-list',
      format: 'csv',
      language: 'mn',
    });
    await waitForReport(t, admin, csvId);
    const [header, ...csvRows] = parseCsv(
      (await download(t, admin, csvId)).body.subarray(3).toString('utf8'),
    ).filter((r) => r.length > 1);
    expect(header[0]).toBe('Гэрчилгээний дугаар');
    expect(csvRows.map((r) => r[header.indexOf('Төлөв')])).toEqual(['Хүчинтэй', 'Хүчингүй']);
  });

  it('counts mentees, sessions, hours and overdue mentees per mentor as the database does', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'mentoring-activity',
      format: 'csv',
      language: 'en',
    });
    await expect(waitForReport(t, admin, id)).resolves.toMatchObject({ status: 'done', rowCount: 2 });
    const [header, ...rows] = parseCsv(
      (await download(t, admin, id)).body.subarray(3).toString('utf8'),
    ).filter((r) => r.length > 1);
    const expected: { mentor: string; mentees: number; sessions: number; minutes: number }[] =
      await t.db.query(
        `SELECT p.full_name AS mentor, count(DISTINCT a.mentee_id)::int AS mentees, count(s.id)::int AS sessions,
              coalesce(sum(s.duration_minutes), 0)::int AS minutes
         FROM mentoring_assignments a JOIN people p ON p.id = a.mentor_id
         LEFT JOIN mentoring_sessions s ON s.assignment_id = a.id
        WHERE a.programme_id = $1 GROUP BY p.full_name ORDER BY p.full_name`,
        [f.programmeId],
      );
    const pick = (r: string[]) => ({
      mentor: r[header.indexOf('Mentor')],
      mentees: Number(r[header.indexOf('Mentees')]),
      sessions: Number(r[header.indexOf('Sessions')]),
      minutes: Number(r[header.indexOf('Hours')]) * 60,
    });
    expect(rows.map(pick)).toEqual(expected);
    expect(rows.map((r) => r[header.indexOf('Overdue mentees')])).toEqual(['1', '1']);
  });

  it("gives a master teacher's mentoring-activity their own row only, downloadable by them", async () => {
    const lead = await t.tokenFor('master_teacher', f.lead);
    const id = await requestReport(t, lead, {
      programmeId: f.programmeId,
      kind: 'mentoring-activity',
      format: 'xlsx',
      language: 'mn',
    });
    await expect(waitForReport(t, lead, id)).resolves.toMatchObject({ status: 'done', rowCount: 1 });
    const sheet = (await readXlsx((await download(t, lead, id)).body)).getWorksheet('Зөвлөгчид')!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 9)).toEqual([
      'Сарантуяа Мастер',
      'Дарханы багшийн коллеж',
      'Дархан-Уул',
      2,
      1,
      2,
      2.5,
      expect.any(Date),
    ]);
  });

  it('writes the programme summary from the stats snapshot, as PDF (with its chart) and XLSX', async () => {
    await t.http
      .post(`/api/v1/programmes/${f.programmeId}/stats/refresh`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(202);
    const deadline = Date.now() + 30_000;
    let stats = await t.http
      .get(`/api/v1/programmes/${f.programmeId}/stats`)
      .set('Authorization', `Bearer ${admin}`);
    while (stats.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stats = await t.http
        .get(`/api/v1/programmes/${f.programmeId}/stats`)
        .set('Authorization', `Bearer ${admin}`);
    }
    expect(stats.status).toBe(200);
    expect(stats.body.participants).toBe(5);

    const pdfId = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'programme-summary',
      format: 'pdf',
      language: 'en',
    });
    await expect(waitForReport(t, admin, pdfId)).resolves.toMatchObject({ status: 'done' });
    const { text } = await pdfText((await download(t, admin, pdfId)).body);
    for (const expected of [
      'Programme summary',
      'Headline figures',
      'Participants and certified per region',
      'Darkhan-Uul',
      'By cascade generation',
    ]) {
      expect(text).toContain(expected);
    }
    const mnId = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'programme-summary',
      format: 'pdf',
      language: 'mn',
    });
    await expect(waitForReport(t, admin, mnId)).resolves.toMatchObject({ status: 'done' });
    const mn = await pdfText((await download(t, admin, mnId)).body);
    for (const expected of ['Хөтөлбөрийн тойм', 'Гол үзүүлэлтүүд', 'Дархан-Уул', 'Улаанбаатар', 'Бүсээр']) {
      expect(mn.text).toContain(expected);
    }

    const xlsxId = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'programme-summary',
      format: 'xlsx',
      language: 'mn',
    });
    await expect(waitForReport(t, admin, xlsxId)).resolves.toMatchObject({ status: 'done' });
    const workbook = await readXlsx((await download(t, admin, xlsxId)).body);
    const headline = workbook.getWorksheet('Гол үзүүлэлтүүд')!;
    const value = (label: string) =>
      [2, 3, 4, 5, 6, 7, 8, 9, 10]
        .map((n) => headline.getRow(n))
        .find((r) => r.getCell(1).value === label)
        ?.getCell(2).value;
    expect(value('Оролцогчид')).toBe(stats.body.participants);
    expect(value('Дүүргэсэн')).toBe(stats.body.completers);
    expect(value('Гэрчилгээтэй')).toBe(stats.body.certified);
    expect(value('Дүүргэлтийн хувь')).toBe(stats.body.completionRate);
    const regions = workbook.getWorksheet('Бүсээр')!;
    const regionNames = [2, 3].map((n) => regions.getRow(n).getCell(1).value);
    expect(regionNames).toEqual(expect.arrayContaining(['Дархан-Уул', 'Улаанбаатар']));
  });

  it('answers 410 once a file expired, and the cleanup deletes it and marks the request expired', async () => {
    const id = await requestReport(t, admin, {
      programmeId: f.programmeId,
      kind: 'certified-list',
      format: 'csv',
      language: 'en',
    });
    await waitForReport(t, admin, id);
    const [{ file_path: path }] = await t.db.query(`SELECT file_path FROM report_requests WHERE id = $1`, [
      id,
    ]);
    expect(existsSync(path)).toBe(true);
    // A tiny TTL, already past (REPORTS_TTL_HOURS counts whole hours, so the test moves the deadline).
    await t.db.query(`UPDATE report_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);
    expect((await download(t, admin, id)).status).toBe(410);
    const lapsed = await t.http
      .get(`/api/v1/reports/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(lapsed.body.status).toBe('expired');

    await t.app.get<Queue>(getQueueToken('exports')).add('cleanup', {});
    const deadline = Date.now() + 20_000;
    const state = await waitForStatus(id, 'expired', deadline);
    expect(state).toBe('expired');
    expect(existsSync(path)).toBe(false);
    expect((await download(t, admin, id)).status).toBe(410);
  });

  it('produces one file when a report job runs twice at once, and nothing more when it runs after done', async () => {
    const [{ id: userId }] = await t.db.query(`SELECT id FROM users LIMIT 1`);
    const [{ id }] = await t.db.query(
      `INSERT INTO report_requests (requested_by, programme_id, kind, format, language, params)
       VALUES ($1, $2, 'cohort-roster', 'csv', 'en', '{}') RETURNING id`,
      [userId, f.programmeId],
    );
    const generator = t.app.get(ReportGenerator);
    const runs = await Promise.all([
      generator.generate(id, async () => undefined),
      generator.generate(id, async () => undefined),
    ]);
    expect(runs.map((r) => r.status).sort()).toEqual(['done', 'skipped']);
    await expect(generator.generate(id, async () => undefined)).resolves.toMatchObject({ status: 'skipped' });
    const [row] = await t.db.query(
      `SELECT status, row_count::int AS row_count, file_path FROM report_requests WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ status: 'done', row_count: 5 });
    const file = await download(t, admin, id);
    expect(parseCsv(file.body.subarray(3).toString('utf8')).filter((r) => r.length > 1)).toHaveLength(6);
  });

  it('re-enqueues a request whose job Redis lost, from the periodic cleanup', async () => {
    const [{ id: userId }] = await t.db.query(`SELECT id FROM users LIMIT 1`);
    const [{ id }] = await t.db.query(
      `INSERT INTO report_requests (requested_by, programme_id, kind, format, language, params, created_at)
       VALUES ($1, $2, 'certified-list', 'xlsx', 'mn', '{}', now() - interval '2 minutes') RETURNING id`,
      [userId, f.programmeId],
    );
    await t.app.get<Queue>(getQueueToken('exports')).add('cleanup', {});
    await expect(waitForStatus(id, 'done', Date.now() + 20_000)).resolves.toBe('done');
  });

  async function waitForStatus(id: string, status: string, deadline: number): Promise<string> {
    for (;;) {
      const [row] = await t.db.query(`SELECT status FROM report_requests WHERE id = $1`, [id]);
      if (row.status === status || Date.now() > deadline) return row.status as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
