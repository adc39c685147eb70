import { ImportsSweep, IMPORT_RUNS, RosterImporter } from '@cascade/imports';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  buildImportFixture,
  cohortOf,
  csv,
  HEADER,
  ImportFixture,
  importRoster,
  upload,
  waitForImport,
} from './imports-helpers';

describe('roster imports: bad uploads, who may import, the safety net', () => {
  let t: TestApp;
  let f: ImportFixture;
  let admin: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildImportFixture(t.db);
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  const importCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM imports`))[0].n as number;
  const row = (n: number) => `Оролцогч ${n},access-${n}@example.mn,Darkhan Teachers College,,,`;

  describe('refuses a bad upload with 400 naming the problem, before any job starts', () => {
    const cases: Array<[string, (token: string) => ReturnType<typeof upload>, RegExp]> = [
      [
        'no file at all',
        (token) =>
          t.http
            .post('/api/v1/imports/roster')
            .set('Authorization', `Bearer ${token}`)
            .field('cohortId', f.roundId) as never,
        /^file: a CSV file is required/,
      ],
      [
        'a file under another field name',
        (token) => upload(t, token, csv(row(1)), { field: 'roster' }),
        /multipart field 'file', not 'roster'/,
      ],
      [
        'a spreadsheet',
        (token) =>
          upload(t, token, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), {
            fileName: 'roster.xlsx',
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
        /^file: 'roster.xlsx' .* is not a CSV file/,
      ],
      [
        'a ZIP named .csv',
        (token) => upload(t, token, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])),
        /not a CSV file \(binary content\)/,
      ],
      ['an empty file', (token) => upload(t, token, ''), /^file: 'roster.csv' is empty/],
      ['blank lines only', (token) => upload(t, token, '\r\n\r\n'), /^file: 'roster.csv' is empty/],
      ['a header only', (token) => upload(t, token, `${HEADER}\r\n`), /has a header row but no rows/],
      [
        'a header without the email and with an unknown column',
        (token) => upload(t, token, 'fullName,institution,e-mail\r\nА,Б,В\r\n'),
        /^file: the header row has missing column\(s\) email; unknown column\(s\) 'e-mail'/,
      ],
      [
        'Windows-1251 text',
        (token) =>
          upload(
            t,
            token,
            Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.from([0xc1, 0xe0, 0xf2, 0x2c])]),
          ),
        /is not UTF-8 text/,
      ],
    ];
    it.each(cases)('%s', async (_name, send, message) => {
      const before = await importCount();
      const res = await send(admin);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(await importCount()).toBe(before);
    });

    it('refuses a cohortId that is not a UUID, naming the field', async () => {
      const res = await upload(t, admin, csv(row(1)), { cohortId: 'darkhan-2' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/cohortId/);
    });

    it('refuses a cohort that does not exist', async () => {
      const res = await upload(t, admin, csv(row(1)), { cohortId: f.roundId });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('cohortId: no such cohort');
    });

    it('answers 413 for a file over 20 MB', async () => {
      const res = await upload(t, admin, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
      expect(res.status).toBe(413);
      expect(res.body.message).toBe('file: larger than the 20 MB limit');
    });

    it('refuses two files in one upload', async () => {
      const res = await upload(t, admin, csv(row(1))).attach('file', Buffer.from(csv(row(2))), 'second.csv');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('file: send one CSV file per import');
    });
  });

  describe('who may import', () => {
    it('refuses a viewer with 403', async () => {
      const viewer = await t.tokenFor('viewer');
      const res = await upload(t, viewer, csv(row(2)));
      expect(res.status).toBe(403);
    });

    it('refuses a master teacher importing into a cohort another trainer leads with 403', async () => {
      const cohortId = await cohortOf(t.db, f, { lead_trainer_id: f.otherTrainerId });
      const teacher = await t.tokenFor('master_teacher', f.leadTrainerId);
      const res = await upload(t, teacher, csv(row(3)), { cohortId });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(`cohortId: cohort ${cohortId} is not led by you`);
    });

    it('refuses a master teacher importing without a cohort with 403', async () => {
      const teacher = await t.tokenFor('master_teacher', f.leadTrainerId);
      const res = await upload(t, teacher, csv(row(4)));
      expect(res.status).toBe(403);
    });

    it("lets a master teacher enrol a roster in their own cohort without changing existing people's records", async () => {
      // Running now: a master teacher enrols only into a cohort that has not ended.
      const today = new Date().toISOString().slice(0, 10);
      const cohortId = await cohortOf(t.db, f, {
        starts_on: '2024-03-01',
        ends_on: `${today.slice(0, 4)}-12-31`,
      });
      await importRoster(t, admin, csv(row(5)));
      const teacher = await t.tokenFor('master_teacher', f.leadTrainerId);
      const state = await importRoster(
        t,
        teacher,
        csv('Renamed By Teacher,access-5@example.mn,Darkhan Teachers College,,,', row(6)),
        { cohortId },
      );
      expect(state).toMatchObject({
        status: 'done',
        createdRows: 1,
        updatedRows: 0,
        unchangedRows: 1,
        enrolledRows: 2,
      });
      const [person] = await t.db.query(`SELECT full_name FROM people WHERE email = 'access-5@example.mn'`);
      expect(person.full_name).toBe('Оролцогч 5');
    });

    it("shows one's own imports, all of them to an admin, and refuses another coordinator's with 403", async () => {
      const mine = await t.tokenFor('coordinator');
      const theirs = await t.tokenFor('coordinator');
      const state = await importRoster(t, mine, csv(row(7)));
      const own = await t.http.get('/api/v1/imports').set('Authorization', `Bearer ${mine}`).expect(200);
      expect(own.body).toMatchObject({
        total: 1,
        items: [{ id: state.id, status: 'done', fileName: 'roster.csv' }],
      });
      expect(own.body.items[0]).not.toHaveProperty('errors');
      expect(own.body.items[0]).not.toHaveProperty('runId');
      const all = await t.http
        .get('/api/v1/imports?limit=500')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(all.body.total).toBe(await importCount());
      await t.http.get(`/api/v1/imports/${state.id}`).set('Authorization', `Bearer ${theirs}`).expect(403);
      await t.http
        .get(`/api/v1/imports/${state.id}/errors`)
        .set('Authorization', `Bearer ${theirs}`)
        .expect(403);
      const none = await t.http.get('/api/v1/imports').set('Authorization', `Bearer ${theirs}`).expect(200);
      expect(none.body.total).toBe(0);
    });
  });

  describe('PostgreSQL owns the work', () => {
    /** An import as the API writes it, but whose job never reached Redis. */
    async function lostImport(content: string, fields: Record<string, unknown> = {}): Promise<string> {
      const [{ id: userId }] = await t.db.query(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
      const columns = ['requested_by', 'kind', 'file_name', 'size_bytes', ...Object.keys(fields)];
      const values = [userId, 'roster', 'lost.csv', Buffer.byteLength(content), ...Object.values(fields)];
      const [{ id }] = await t.db.query(
        `INSERT INTO imports (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        values,
      );
      await t.db.query(`INSERT INTO import_files (import_id, content) VALUES ($1, $2)`, [
        id,
        Buffer.from(content),
      ]);
      return id as string;
    }

    it('carries again an import still queued a minute after its upload', async () => {
      const id = await lostImport(csv(row(8)), { created_at: new Date(Date.now() - 2 * 60_000) });
      const fresh = await lostImport(csv(row(9)));
      const outcome = await t.app.get(ImportsSweep).run();
      expect(outcome.requeued).toContain(id);
      expect(outcome.requeued).not.toContain(fresh);
      const early = await t.http
        .get(`/api/v1/imports/${fresh}/errors`)
        .set('Authorization', `Bearer ${admin}`);
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/is queued \(0%\); its error report is complete when it is done$/);
      expect(await waitForImport(t, admin, id)).toMatchObject({ status: 'done', createdRows: 1 });
    });

    it('takes over an import whose run stopped beating, and leaves a live one alone', async () => {
      const stale = await lostImport(csv(row(10)), {
        status: 'running',
        run_id: '11111111-1111-4111-8111-111111111111',
        started_at: new Date(Date.now() - 10 * 60_000),
        heartbeat_at: new Date(Date.now() - 5 * 60_000),
      });
      const live = await lostImport(csv(row(11)), {
        status: 'running',
        run_id: '22222222-2222-4222-8222-222222222222',
        started_at: new Date(),
        heartbeat_at: new Date(),
      });
      const importer = t.app.get(RosterImporter);
      await expect(importer.run(live, false)).resolves.toMatchObject({ skipped: expect.any(String) });
      const outcome = await t.app.get(ImportsSweep).run();
      expect(outcome.requeued).toContain(stale);
      expect(outcome.requeued).not.toContain(live);
      expect(await waitForImport(t, admin, stale)).toMatchObject({ status: 'done', createdRows: 1 });
    });

    it('fails an import whose every run died, with the reason, and carries it no more', async () => {
      // The fifth run died too (a file that runs the worker out of memory): no sixth.
      const exhausted = await lostImport(csv(row(12)), {
        status: 'running',
        run_id: '33333333-3333-4333-8333-333333333333',
        attempts: IMPORT_RUNS.maxRuns,
        started_at: new Date(Date.now() - 30 * 60_000),
        heartbeat_at: new Date(Date.now() - 5 * 60_000),
      });
      const outcome = await t.app.get(ImportsSweep).run();
      expect(outcome.failed).toContain(exhausted);
      expect(outcome.requeued).not.toContain(exhausted);
      await expect(t.app.get(RosterImporter).run(exhausted, false)).resolves.toMatchObject({
        skipped: expect.any(String),
      });
      const res = await t.http.get(`/api/v1/imports/${exhausted}`).set('Authorization', `Bearer ${admin}`);
      expect(res.body).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^attempts: stopped after 5 runs that did not finish/),
      });
      await expect(t.app.get(ImportsSweep).run()).resolves.toMatchObject({
        failed: expect.not.arrayContaining([exhausted]),
        requeued: expect.not.arrayContaining([exhausted]),
      });
    });

    it('writes the row errors of each batch as it goes, not held for the end, and a new run starts the report again', async () => {
      // 2,500 bad rows: two batches of 1,000 commit their errors, the third batch's cannot be written.
      const bad = (n: number) => `Оролцогч ${n},not-an-address-${n},Darkhan Teachers College,,,`;
      const id = await lostImport(csv(...Array.from({ length: 2500 }, (_, i) => bad(i))));
      const errors = async () =>
        (
          await t.db.query(`SELECT count(DISTINCT row)::int AS n FROM import_errors WHERE import_id = $1`, [
            id,
          ])
        )[0].n as number;
      await t.db.query(`
        CREATE FUNCTION walk_third_batch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.row > 2001 THEN RAISE EXCEPTION 'third batch refused'; END IF; RETURN NEW; END $$`);
      await t.db.query(
        `CREATE TRIGGER walk_third_batch BEFORE INSERT ON import_errors FOR EACH ROW EXECUTE FUNCTION walk_third_batch()`,
      );
      try {
        await expect(t.app.get(RosterImporter).run(id, false)).rejects.toThrow();
      } finally {
        await t.db.query(`DROP TRIGGER walk_third_batch ON import_errors`);
        await t.db.query(`DROP FUNCTION walk_third_batch()`);
      }
      expect(await errors()).toBe(2000);

      await expect(t.app.get(RosterImporter).run(id, false)).resolves.toMatchObject({
        status: 'done',
        errorRows: 2500,
      });
      expect(await errors()).toBe(2500);
      const [{ repeated }] = await t.db.query(
        `SELECT count(*) - count(DISTINCT (row, field, message))::int AS repeated FROM import_errors WHERE import_id = $1`,
        [id],
      );
      expect(Number(repeated)).toBe(0);
      // The CSV report is read through a cursor: every error, in file order.
      const report = await t.http
        .get(`/api/v1/imports/${id}/errors?format=csv`)
        .set('Authorization', `Bearer ${admin}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const lines = (report.body as Buffer).subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines).toHaveLength(2501);
      expect(lines[1]).toMatch(/^2,email,/);
      expect(lines[2500]).toMatch(/^2501,email,/);
    });

    it('claims an import once when two runs start together', async () => {
      const id = await lostImport(csv(row(13), row(14)));
      const importer = t.app.get(RosterImporter);
      const results = await Promise.all([importer.run(id, false), importer.run(id, false)]);
      expect(results.filter((r) => 'status' in r && r.status === 'done')).toHaveLength(1);
      expect(results.filter((r) => 'skipped' in r)).toHaveLength(1);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM people WHERE email IN ('access-13@example.mn', 'access-14@example.mn')`,
      );
      expect(n).toBe(2);
    });

    it('never fills a cohort beyond its capacity when two imports into it run at once', async () => {
      const cohortId = await cohortOf(t.db, f, { capacity: 4, name: 'Erdenet-1' });
      const first = await lostImport(csv(row(20), row(21), row(22)), { cohort_id: cohortId });
      const second = await lostImport(csv(row(23), row(24), row(25)), { cohort_id: cohortId });
      const importer = t.app.get(RosterImporter);
      await Promise.all([importer.run(first, false), importer.run(second, false)]);
      const outcomes = await t.db.query(
        `SELECT enrolled_rows, error_rows FROM imports WHERE id IN ($1, $2)`,
        [first, second],
      );
      expect(outcomes.reduce((sum: number, o: { enrolled_rows: number }) => sum + o.enrolled_rows, 0)).toBe(
        4,
      );
      expect(outcomes.reduce((sum: number, o: { error_rows: number }) => sum + o.error_rows, 0)).toBe(2);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE cohort_id = $1`, [
        cohortId,
      ]);
      expect(n).toBe(4);
    });

    it('does nothing when a finished import is run again', async () => {
      const state = await importRoster(t, admin, csv(row(12)));
      await expect(t.app.get(RosterImporter).run(state.id, false)).resolves.toMatchObject({
        skipped: expect.any(String),
      });
      const [again] = await t.db.query(`SELECT status, created_rows FROM imports WHERE id = $1`, [state.id]);
      expect(again).toEqual({ status: 'done', created_rows: 1 });
    });
  });
});
