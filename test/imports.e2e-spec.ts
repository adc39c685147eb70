import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makePerson } from './support/factories';
import { BOM, buildImportFixture, cohortOf, csv, ImportFixture, importRoster } from './imports-helpers';

describe('roster imports through the real queue', () => {
  let t: TestApp;
  let f: ImportFixture;
  let admin: string;
  let coordinator: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildImportFixture(t.db);
    admin = await t.tokenFor('admin');
    coordinator = await t.tokenFor('coordinator');
  });
  afterAll(() => t.close());

  const people = (emails: string[]) =>
    t.db.query(
      `SELECT full_name, email, institution_id, discipline, gender, preferred_language FROM people
        WHERE lower(email) = ANY($1) ORDER BY lower(email)`,
      [emails.map((e) => e.toLowerCase())],
    );
  const enrolled = async (cohortId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE cohort_id = $1`, [cohortId]))[0]
      .n as number;

  const good = csv(
    'Бат-Эрдэнэ Оюунцэцэг,oyuna@example.mn,Darkhan Teachers College,Mathematics,female,mn',
    'Ганболд Төмөр,tomor@example.mn,Дарханы багшийн коллеж,Physics,male,en',
    '"Өлзий, Үүрийнтуяа",uuriintuya@example.mn,monGOLIAN national university of education,,,',
  );

  it('creates the people of a good file, enrols them, keeps Cyrillic names and audits it as the uploader', async () => {
    const cohortId = await cohortOf(t.db, f);
    const state = await importRoster(t, coordinator, good, { cohortId });
    expect(state).toMatchObject({
      status: 'done',
      progress: 100,
      totalRows: 3,
      createdRows: 3,
      updatedRows: 0,
      unchangedRows: 0,
      enrolledRows: 3,
      errorRows: 0,
      error: null,
    });
    expect(await people(['oyuna@example.mn', 'tomor@example.mn', 'uuriintuya@example.mn'])).toEqual([
      expect.objectContaining({
        full_name: 'Бат-Эрдэнэ Оюунцэцэг',
        institution_id: f.darkhanId,
        gender: 'female',
      }),
      expect.objectContaining({
        full_name: 'Ганболд Төмөр',
        institution_id: f.darkhanId,
        preferred_language: 'en',
      }),
      {
        full_name: 'Өлзий, Үүрийнтуяа',
        email: 'uuriintuya@example.mn',
        institution_id: f.mnueId,
        discipline: null,
        gender: null,
        preferred_language: 'mn',
      },
    ]);
    expect(await enrolled(cohortId)).toBe(3);
    const [dirty] = await t.db.query(`SELECT figures_dirty_version($1) AS dirty_version`, [f.programmeId]);
    expect(Number(dirty.dirty_version)).toBeGreaterThan(0);
    const audit = await t.db.query(
      `SELECT actor_email, changes FROM audit_events WHERE entity = 'imports' AND entity_id = $1 AND action = 'import roster'`,
      [state.id],
    );
    expect(audit).toEqual([
      {
        actor_email: expect.stringMatching(/^coordinator-/),
        changes: expect.objectContaining({ createdRows: 3, cohortId }),
      },
    ]);
    const [{ files }] = await t.db.query(
      `SELECT count(*)::int AS files FROM import_files WHERE import_id = $1`,
      [state.id],
    );
    expect(files).toBe(0);
  });

  it('changes nothing and duplicates no one when the same file is imported again', async () => {
    const cohortId = await cohortOf(t.db, f);
    await importRoster(t, admin, good, { cohortId });
    const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM people`);
    const again = await importRoster(t, admin, good, { cohortId });
    expect(again).toMatchObject({
      status: 'done',
      totalRows: 3,
      createdRows: 0,
      updatedRows: 0,
      unchangedRows: 3,
      enrolledRows: 0,
    });
    const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM people`);
    expect(after).toBe(before);
    expect(await enrolled(cohortId)).toBe(3);
  });

  it('updates the existing person when the file spells the email in another letter case', async () => {
    await makePerson(t.db, {
      email: 'Saraa.B@Example.mn',
      full_name: 'Сараа',
      discipline: 'Biology',
      institution_id: f.darkhanId,
    });
    const state = await importRoster(
      t,
      admin,
      csv('Батын Сараа,SARAA.B@EXAMPLE.MN,Darkhan Teachers College,Chemistry,,en'),
    );
    expect(state).toMatchObject({ status: 'done', createdRows: 0, updatedRows: 1, errorRows: 0 });
    expect(await people(['saraa.b@example.mn'])).toEqual([
      {
        full_name: 'Батын Сараа',
        email: 'Saraa.B@Example.mn',
        institution_id: f.darkhanId,
        discipline: 'Chemistry',
        gender: null,
        preferred_language: 'en',
      },
    ]);
  });

  it('applies the valid rows of a mixed file and reports each bad one with its line, field and message', async () => {
    const file =
      BOM +
      csv(
        'Good One,good.one@example.mn,Darkhan Teachers College,History,male,mn',
        'Bad Email,not-an-email,Darkhan Teachers College,History,male,mn',
        ',nameless@example.mn,Darkhan Teachers College,,,',
        'Odd Values,odd@example.mn,Darkhan Teachers College,Art,f,ru',
        'Nowhere,nowhere@example.mn,Hogwarts,,,',
        'Again,GOOD.ONE@example.mn,Darkhan Teachers College,,,',
        'Short Row,short@example.mn',
        '',
        'Good Two,good.two@example.mn,Монгол Улсын Боловсролын Их Сургууль,Music,other,en',
      );
    const state = await importRoster(t, admin, file);
    expect(state).toMatchObject({ status: 'done', totalRows: 8, createdRows: 2, errorRows: 6 });
    const report = await t.http
      .get(`/api/v1/imports/${state.id}/errors`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(report.body).toEqual({
      id: state.id,
      status: 'done',
      errorRows: 6,
      errors: [
        { row: 3, field: 'email', message: "'not-an-email' is not an email address" },
        { row: 4, field: 'fullName', message: 'is required' },
        { row: 5, field: 'gender', message: "'f' is not one of female, male, other" },
        { row: 5, field: 'preferredLanguage', message: "'ru' is not one of mn, en" },
        { row: 6, field: 'institution', message: "'Hogwarts': no institution has this name" },
        { row: 7, field: 'email', message: "'GOOD.ONE@example.mn' repeats row 2 of this file" },
        { row: 8, field: 'row', message: 'has 2 field(s), the header has 6' },
      ],
    });
    expect(
      (await people(['good.one@example.mn', 'good.two@example.mn', 'nameless@example.mn'])).map(
        (p: { email: string }) => p.email,
      ),
    ).toEqual(['good.one@example.mn', 'good.two@example.mn']);
  });

  it('reports a quote never closed and keeps the rows before it', async () => {
    const state = await importRoster(
      t,
      admin,
      csv(
        'Before,before@example.mn,Darkhan Teachers College,,,',
        '"Unclosed,unclosed@example.mn,Darkhan Teachers College,,,',
      ),
    );
    expect(state).toMatchObject({ status: 'done', totalRows: 2, createdRows: 1, errorRows: 1 });
    const report = await t.http
      .get(`/api/v1/imports/${state.id}/errors`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(report.body.errors).toEqual([
      {
        row: 3,
        field: 'row',
        message: 'opens a quote that is never closed: this row and the rest of the file could not be read',
      },
    ]);
  });

  it('refuses the rows beyond the cohort capacity, in file order, and creates no one for them', async () => {
    const cohortId = await cohortOf(t.db, f, { capacity: 2, name: 'Darkhan-2' });
    const state = await importRoster(
      t,
      admin,
      csv(
        'Cap One,cap1@example.mn,Darkhan Teachers College,,,',
        'Cap Two,cap2@example.mn,Darkhan Teachers College,,,',
        'Cap Three,cap3@example.mn,Darkhan Teachers College,,,',
        'Cap Four,cap4@example.mn,Darkhan Teachers College,,,',
      ),
      { cohortId },
    );
    expect(state).toMatchObject({
      status: 'done',
      totalRows: 4,
      createdRows: 2,
      enrolledRows: 2,
      errorRows: 2,
    });
    const report = await t.http
      .get(`/api/v1/imports/${state.id}/errors`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(report.body.errors).toEqual([
      { row: 4, field: 'capacity', message: "cohort 'Darkhan-2' is full (2/2)" },
      { row: 5, field: 'capacity', message: "cohort 'Darkhan-2' is full (2/2)" },
    ]);
    expect(await enrolled(cohortId)).toBe(2);
    expect(await people(['cap3@example.mn', 'cap4@example.mn'])).toEqual([]);
  });

  it('refuses the cohort’s own lead trainer as a participant', async () => {
    const cohortId = await cohortOf(t.db, f);
    const [lead] = await t.db.query(`SELECT full_name, email FROM people WHERE id = $1`, [f.leadTrainerId]);
    const state = await importRoster(
      t,
      admin,
      csv(`${lead.full_name},${lead.email},Darkhan Teachers College,,,`),
      { cohortId },
    );
    expect(state).toMatchObject({ status: 'done', enrolledRows: 0, errorRows: 1 });
    expect(await enrolled(cohortId)).toBe(0);
  });

  it('applies a file of several batches and counts every row', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `Сурагч ${i},bulk-${i}@example.mn,Darkhan Teachers College,,,`,
    );
    const state = await importRoster(t, admin, csv(...rows));
    expect(state).toMatchObject({ status: 'done', totalRows: 2500, createdRows: 2500, errorRows: 0 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE email LIKE 'bulk-%'`);
    expect(n).toBe(2500);
  });

  it('serves the error report as CSV with a byte-order mark', async () => {
    const state = await importRoster(t, admin, csv('Бат,bat@,Darkhan Teachers College,,,'));
    const res = await t.http
      .get(`/api/v1/imports/${state.id}/errors?format=csv`)
      .set('Authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.subarray(3).toString('utf8')).toBe(
      "row,field,message\r\n2,email,'bat@' is not an email address\r\n",
    );
  });
});
