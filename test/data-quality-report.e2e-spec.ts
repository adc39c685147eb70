import { download, parseCsv, readXlsx, requestReport, waitForReport } from './reports-helpers';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

describe('data-quality report', () => {
  let t: TestApp;
  let admin: string;
  let programmeId: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    admin = await t.tokenFor('admin');
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    const master = await makeMasterTeacher(
      t.db,
      programmeId,
      await makePerson(t.db, { full_name: 'Болд Дорж' }),
    );
    const roundId = await makeRound(t.db, programmeId);
    const cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: master,
      courseIds: programme.coreCourseIds,
      name: 'Дархан-1',
      ends_on: '2024-06-30',
    });
    await makeEnrolment(t.db, cohortId, await makePerson(t.db, { full_name: 'Анхаа' }));
    await makeEnrolment(t.db, cohortId, await makePerson(t.db, { full_name: 'Bataa' }));
    const scored = await makeEnrolment(t.db, cohortId, await makePerson(t.db, { full_name: 'Scored' }));
    await makeCompletion(t.db, scored, programme.coreCourseIds[0], null);
  });

  afterAll(() => t.close());

  async function produce(format: 'csv' | 'xlsx', language: 'mn' | 'en'): Promise<Buffer> {
    const id = await requestReport(t, admin, { programmeId, kind: 'data-quality', format, language });
    const state = await waitForReport(t, admin, id);
    expect(state).toMatchObject({ status: 'done', progress: 100 });
    const file = await download(t, admin, id);
    expect(file.status).toBe(200);
    return file.body;
  }

  it('writes the same counts as the console, then the records of each check, in English CSV', async () => {
    const console = await t.http
      .get(`/api/v1/data-quality?programmeId=${programmeId}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const rows = parseCsv((await produce('csv', 'en')).toString('utf8').replace(/^\uFEFF/, ''));
    const count = (title: string) => rows.find((row) => row[0] === title)?.[1];
    const apiCount = (check: string) =>
      String(
        (console.body.checks as { check: string; count: number }[]).find((c) => c.check === check)?.count,
      );
    expect(count('Enrolments in ended cohorts with no completion')).toBe(
      apiCount('enrolment-without-completion'),
    );
    expect(count('Enrolments in ended cohorts with no completion')).toBe('2');
    expect(count('Core-course completions without a score')).toBe('1');
    expect(count('Master teachers without a login')).toBe('1');
    const names = rows.map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(['Анхаа', 'Bataa', 'Scored', 'Болд Дорж']));
    expect(rows.find((row) => row[0] === 'Анхаа')).toEqual(['Анхаа', 'Дархан-1', '2024-06-30']);
  });

  it('writes a Mongolian XLSX whose summary sheet names every check with its count', async () => {
    const workbook = await readXlsx(await produce('xlsx', 'mn'));
    const summary = workbook.getWorksheet('Дутуу мэдээлэл');
    if (!summary) throw new Error(`no summary sheet in ${workbook.worksheets.map((w) => w.name).join(', ')}`);
    const values = summary.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    expect(values).toEqual(
      expect.arrayContaining([
        ['Дууссан бүлэгт бүртгэлтэй ч нэг ч хичээл дүүргээгүй', 2],
        ['Нэвтрэх эрхгүй мастер багш', 1],
      ]),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Нэвтрэх эрхгүй мастер багш');
  });
});
