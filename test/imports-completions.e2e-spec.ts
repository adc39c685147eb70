import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCourse,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';
import { waitForImport } from './imports-helpers';

const HEADER = 'email,personId,courseCode,completedOn,score';

describe('imports: completions from a CSV', () => {
  let t: TestApp;
  let staff: string;
  let programmeId: string;
  let roundId: string;
  let lead: string;
  let codes: string[];
  let courseIds: string[];

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    staff = await t.tokenFor('coordinator');
    codes = ['AI-101', 'AI-102'];
    courseIds = [await makeCourse(t.db, { code: codes[0] }), await makeCourse(t.db, { code: codes[1] })];
    programmeId = (await makeProgramme(t.db, { core_course_ids: courseIds })).programmeId;
    roundId = await makeRound(t.db, programmeId);
    lead = await makeMasterTeacher(t.db, programmeId);
  });
  afterAll(() => t.close());

  const cohortWith = async (emails: string[]) => {
    const cohortId = await makeCohort(t.db, { programmeId, roundId, leadTrainerId: lead, courseIds });
    const people: string[] = [];
    for (const email of emails) {
      const personId = await makePerson(t.db, { email });
      await makeEnrolment(t.db, cohortId, personId);
      people.push(personId);
    }
    return { cohortId, people };
  };
  const send = (cohortId: string | undefined, content: string, token = staff) => {
    const req = t.http
      .post('/api/v1/imports/completions')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(content, 'utf8'), { filename: 'completions.csv', contentType: 'text/csv' });
    return cohortId ? req.field('cohortId', cohortId) : req;
  };
  const importFile = async (cohortId: string, content: string) => {
    const res = await send(cohortId, content).expect(202);
    return waitForImport(t, staff, res.body.id);
  };
  const errorsOf = async (id: string) =>
    (await t.http.get(`/api/v1/imports/${id}/errors`).set('Authorization', `Bearer ${staff}`).expect(200))
      .body.errors as Array<{ row: number; field: string; message: string }>;
  const statuses = async (cohortId: string) =>
    (await t.db.query(`SELECT status FROM enrolments WHERE cohort_id = $1 ORDER BY status`, [cohortId])).map(
      (r: { status: string }) => r.status,
    );

  it('records the rows by email (any case) or person id, and the enrolment statuses follow', async () => {
    const { cohortId, people } = await cohortWith(['ann@example.mn', 'bold@example.mn']);
    const file = [
      HEADER,
      'ANN@example.mn,,AI-101,2024-05-01,81.5',
      'ann@example.mn,,ai-102,2024-05-20,',
      `,${people[1]},AI-101,2024-05-02,70`,
    ].join('\r\n');
    const state = await importFile(cohortId, file);
    expect(state).toMatchObject({
      status: 'done',
      totalRows: 3,
      createdRows: 3,
      unchangedRows: 0,
      errorRows: 0,
    });
    expect(await statuses(cohortId)).toEqual(['active', 'completed']);
    const [{ score }] = await t.db.query(
      `SELECT score::float8 AS score FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id
        WHERE e.person_id = $1 AND cc.course_id = $2`,
      [people[0], courseIds[0]],
    );
    expect(score).toBe(81.5);

    const again = await importFile(cohortId, file);
    expect(again).toMatchObject({
      status: 'done',
      totalRows: 3,
      createdRows: 0,
      unchangedRows: 3,
      errorRows: 0,
    });
  });

  it('reports every bad row with its line and field, and records the good ones', async () => {
    const { cohortId } = await cohortWith(['cara@example.mn', 'dulma@example.mn']);
    const stranger = await makePerson(t.db, { email: 'stranger@example.mn' });
    const file = [
      HEADER,
      'cara@example.mn,,AI-101,2024-05-01,90',
      'nobody@example.mn,,AI-101,2024-05-01,90',
      'dulma@example.mn,,AI-999,2024-05-01,90',
      'dulma@example.mn,,AI-101,2024-13-01,90',
      'dulma@example.mn,,AI-101,2024-05-01,101',
      `,${stranger},AI-101,2024-05-01,50`,
      ',,AI-101,2024-05-01,50',
      'cara@example.mn,,AI-101,2024-05-09,90',
    ].join('\n');
    const state = await importFile(cohortId, file);
    expect(state).toMatchObject({ status: 'done', totalRows: 8, createdRows: 1, errorRows: 7 });
    const errors = await errorsOf(state.id);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'email'],
      [4, 'courseCode'],
      [5, 'completedOn'],
      [6, 'score'],
      [7, 'personId'],
      [8, 'email'],
      [9, 'courseId'],
    ]);
    expect(errors[6].message).toMatch(/already completed with completedOn 2024-05-01/);
    const csv = await t.http
      .get(`/api/v1/imports/${state.id}/errors?format=csv`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(csv.text).toContain('row,field,message');
  });

  it('refuses a file without the required columns, or without a cohort, with 400 at once', async () => {
    const { cohortId } = await cohortWith([]);
    const bad = await send(cohortId, 'fullName,completedOn\nA,2024-05-01\n').expect(400);
    expect(bad.body.message).toMatch(/^file: .*missing column\(s\) email or personId, courseCode/);
    const none = await send(undefined, `${HEADER}\nx@example.mn,,AI-101,2024-05-01,1\n`).expect(400);
    expect(none.body.message).toMatch(/cohortId/);
  });

  it('lets a master teacher import only into a cohort they lead', async () => {
    const { cohortId } = await cohortWith(['erdene@example.mn']);
    const file = `${HEADER}\nerdene@example.mn,,AI-101,2024-05-01,75\n`;
    const other = await t.tokenFor('master_teacher', await makePerson(t.db));
    await send(cohortId, file, other).expect(403);
    await send(cohortId, file, await t.tokenFor('viewer')).expect(403);
    const mine = await t.tokenFor('master_teacher', lead);
    const res = await send(cohortId, file, mine).expect(202);
    expect(await waitForImport(t, mine, res.body.id)).toMatchObject({ status: 'done', createdRows: 1 });
  });
});
