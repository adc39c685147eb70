import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase, withDb } from './support/database';
import { waitFor } from './support/wait';
import {
  makeCohort,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

interface ItemResult {
  index: number;
  clientRef: string | null;
  status: 'created' | 'duplicate' | 'conflict' | 'rejected';
  id?: string;
  session?: { id: string; clientRef: string };
  reason?: string;
}

describe('mentoring sessions: idempotent logging that survives resends', () => {
  let t: TestApp;
  let coordinator: string;
  let mentorToken: string;
  let programmeId: string;
  let mentor: string;
  let own: string; // an assignment where `mentor` is the mentor
  let second: string; // another of theirs
  let others: string; // another mentor's
  let ended: string; // ended on 2025-02-28
  let cohortId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

  /** A valid batch item; each call of a test gets its own refs. */
  const item = (assignmentId: string, ref: string, fields: Record<string, unknown> = {}) => ({
    assignmentId,
    clientRef: ref,
    occurredAt: '2025-03-04T10:30:00+08:00',
    durationMinutes: 45,
    mode: 'online',
    topics: ['lesson planning'],
    notes: 'Reviewed a lesson plan',
    ...fields,
  });
  const single = ({ assignmentId: _a, ...body }: ReturnType<typeof item>) => body;
  const batch = (token: string, sessions: unknown[]) =>
    t.http.post('/api/v1/mentoring/sessions/batch').set(auth(token)).send({ sessions });
  const stored = (refs: string[]) =>
    withDb(
      async (pg) =>
        (
          await pg.query(`SELECT count(*)::int AS n FROM mentoring_sessions WHERE client_ref = ANY($1)`, [
            refs,
          ])
        ).rows[0].n,
    );
  /** The stored row, as the batch answers only its id. */
  const storedRow = (id: string) =>
    withDb(
      async (pg) =>
        (
          await pg.query(
            `SELECT duration_minutes AS "durationMinutes", topics, notes, updated_at AS "updatedAt"
               FROM mentoring_sessions WHERE id = $1`,
            [id],
          )
        ).rows[0],
    );

  /** Assignments are not under test here: written straight to the table, mentee enrolled in the programme. */
  async function assignment(mentorId: string, endsOn: string | null = null): Promise<string> {
    const mentee = await makePerson(t.db);
    await makeEnrolment(t.db, cohortId, mentee);
    const [{ id }] = await t.db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on, ends_on)
       VALUES ($1, $2, $3, '2025-01-01', $4) RETURNING id`,
      [programmeId, mentorId, mentee, endsOn],
    );
    return id as string;
  }

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    coordinator = await t.tokenFor('coordinator');
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    mentor = await makeMasterTeacher(t.db, programmeId);
    const roundId = await makeRound(t.db, programmeId, 1);
    cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: mentor,
      courseIds: programme.coreCourseIds,
    });
    mentorToken = await t.tokenFor('master_teacher', mentor);
    own = await assignment(mentor);
    second = await assignment(mentor);
    others = await assignment(await makeMasterTeacher(t.db, programmeId));
    ended = await assignment(mentor, '2025-02-28');
  });
  afterAll(() => t.close());

  it('stores each session of a batch once when the batch is sent twice; the second answer is all duplicate', async () => {
    const sessions = Array.from({ length: 120 }, (_, i) =>
      item(i % 2 ? own : second, `twice-${i}`, { durationMinutes: 30 + i }),
    );
    const first = await batch(mentorToken, sessions).expect(200);
    expect(first.body).toMatchObject({ created: 120, duplicate: 0, conflict: 0, rejected: 0 });
    expect(first.body.results.map((r: ItemResult) => r.index)).toEqual(sessions.map((_, i) => i));
    const again = await batch(mentorToken, sessions).expect(200);
    expect(again.body).toMatchObject({ created: 0, duplicate: 120 });
    const ids = first.body.results.map((r: ItemResult) => r.id);
    expect(new Set(ids).size).toBe(120);
    expect(again.body.results.map((r: ItemResult) => r.id)).toEqual(ids);
    // Created and duplicate name the stored session; only a conflict carries it whole.
    expect([...first.body.results, ...again.body.results].some((r: ItemResult) => r.session)).toBe(false);
    await expect(stored(sessions.map((s) => s.clientRef))).resolves.toBe(120);
  });

  it('stores each session once when the same batch is sent 10 times concurrently', async () => {
    const sessions = Array.from({ length: 300 }, (_, i) =>
      item([own, second][i % 2], `concurrent-${i}`, { durationMinutes: 1 + (i % 600) }),
    );
    const answers = await Promise.all(Array.from({ length: 10 }, () => batch(mentorToken, sessions)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const created = answers.reduce((sum, a) => sum + a.body.created, 0);
    const duplicates = answers.reduce((sum, a) => sum + a.body.duplicate, 0);
    expect({ created, duplicates }).toEqual({ created: 300, duplicates: 2700 });
    await expect(stored(sessions.map((s) => s.clientRef))).resolves.toBe(300);
    const ids = new Set(answers.flatMap((a) => a.body.results.map((r: ItemResult) => r.id)));
    expect(ids.size).toBe(300);
  });

  it('stores the valid items of a batch and rejects each invalid one with a reason naming the field', async () => {
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const res = await batch(coordinator, [
      item(own, 'partial-ok-1'),
      item(own, 'partial-zero', { durationMinutes: 0 }),
      item(own, 'partial-long', { durationMinutes: 601 }),
      item(own, 'partial-future', { occurredAt: future }),
      item(own, 'partial-mode', { mode: 'carrier_pigeon' }),
      item(own, 'partial-topics', { topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }),
      item(own, 'partial-early', { occurredAt: '2024-12-31T12:00:00Z' }),
      item(ended, 'partial-after-end', { occurredAt: '2025-03-02T00:00:00Z' }),
      item('00000000-0000-4000-8000-000000000000', 'partial-unknown'),
      item(own, 'partial bad ref'),
      { ...item(own, 'partial-extra'), colour: 'blue' },
      'not an object',
      item(own, 'partial-ok-2', { topics: ['  trimmed  '], notes: undefined }),
    ]).expect(200);
    const byIndex = (i: number) => res.body.results[i] as ItemResult;
    expect(res.body).toMatchObject({ created: 2, rejected: 11 });
    expect(byIndex(0).status).toBe('created');
    expect(byIndex(12).status).toBe('created');
    await expect(storedRow(byIndex(12).id!)).resolves.toMatchObject({ topics: ['trimmed'], notes: null });
    const reasons = res.body.results.slice(1, 12).map((r: ItemResult) => [r.status, r.reason?.split(':')[0]]);
    expect(reasons).toEqual([
      ['rejected', 'durationMinutes'],
      ['rejected', 'durationMinutes'],
      ['rejected', 'occurredAt'],
      ['rejected', 'mode'],
      ['rejected', 'topics'],
      ['rejected', 'occurredAt'],
      ['rejected', 'occurredAt'],
      ['rejected', 'assignmentId'],
      ['rejected', 'clientRef'],
      ['rejected', 'colour'],
      ['rejected', 'sessions[11]'],
    ]);
    await expect(stored(['partial-ok-1', 'partial-ok-2', 'partial-zero', 'partial-future'])).resolves.toBe(2);
  });

  it('rejects items that are no object (null, a number, an array) naming their place, and stores the others', async () => {
    const res = await batch(coordinator, [
      null,
      item(own, 'shape-ok-1'),
      7,
      [item(own, 'shape-in-array')],
      item(own, 'shape-ok-2'),
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 2, rejected: 3 });
    expect(res.body.results.map((r: ItemResult) => [r.status, r.reason])).toEqual([
      ['rejected', 'sessions[0]: must be an object'],
      ['created', undefined],
      ['rejected', 'sessions[2]: must be an object'],
      ['rejected', 'sessions[3]: must be an object'],
      ['created', undefined],
    ]);
    await expect(stored(['shape-ok-1', 'shape-ok-2', 'shape-in-array'])).resolves.toBe(2);
  });

  it('answers conflict for a clientRef resent with different content, in a later batch and within one batch', async () => {
    await batch(mentorToken, [item(own, 'conflict-1')]).expect(200);
    const later = await batch(mentorToken, [
      item(own, 'conflict-1', { durationMinutes: 90, notes: 'changed' }),
    ]).expect(200);
    expect(later.body.results[0]).toMatchObject({
      status: 'conflict',
      reason: expect.stringMatching(/^clientRef: .*durationMinutes, notes/),
      session: { clientRef: 'conflict-1', durationMinutes: 45, notes: 'Reviewed a lesson plan' },
    });

    const within = await batch(mentorToken, [
      item(own, 'conflict-2'),
      item(second, 'conflict-2'),
      item(own, 'conflict-2'),
    ]).expect(200);
    expect(within.body.results.map((r: ItemResult) => r.status)).toEqual([
      'created',
      'conflict',
      'duplicate',
    ]);
    expect(within.body.results[1].reason).toMatch(/assignmentId/);
    await expect(stored(['conflict-1', 'conflict-2'])).resolves.toBe(2);
  });

  it("keeps clientRefs per mentor: another mentor's ref is stored as a new session and reveals nothing", async () => {
    const othersMentor = (
      await t.db.query(`SELECT mentor_id FROM mentoring_assignments WHERE id = $1`, [others])
    )[0].mentor_id as string;
    const othersToken = await t.tokenFor('master_teacher', othersMentor);
    await batch(othersToken, [item(others, 'shared-ref', { durationMinutes: 75, notes: 'private' })]).expect(
      200,
    );
    const mine = await batch(mentorToken, [item(own, 'shared-ref')]).expect(200);
    expect(mine.body.results[0].status).toBe('created');
    await expect(storedRow(mine.body.results[0].id)).resolves.toMatchObject({ durationMinutes: 45 });
    expect(mine.body).toMatchObject({ created: 1, conflict: 0 });
    expect(JSON.stringify(mine.body)).not.toMatch(/private|differ/);
    await expect(stored(['shared-ref'])).resolves.toBe(2);
  });

  it('logs a single session with 201, answers a resend with 200 and the stored session, and a changed resend with 409', async () => {
    const body = single(item(own, 'single-1'));
    const created = await t.http
      .post(`/api/v1/mentoring/assignments/${own}/sessions`)
      .set(auth(mentorToken))
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      assignmentId: own,
      clientRef: 'single-1',
      durationMinutes: 45,
      mode: 'online',
    });
    const resend = await t.http
      .post(`/api/v1/mentoring/assignments/${own}/sessions`)
      .set(auth(mentorToken))
      .send(body)
      .expect(200);
    // The created answer is built from what was sent; the resend's is read from the row.
    expect(resend.body).toEqual(created.body);
    const changed = await t.http
      .post(`/api/v1/mentoring/assignments/${own}/sessions`)
      .set(auth(mentorToken))
      .send({ ...body, mode: 'phone' })
      .expect(409);
    expect(changed.body.message).toMatch(/^clientRef: 'single-1' .*mode/);
    await expect(stored(['single-1'])).resolves.toBe(1);
  });

  it("refuses a master teacher on another mentor's assignment: 403 alone, rejected in a batch", async () => {
    const alone = await t.http
      .post(`/api/v1/mentoring/assignments/${others}/sessions`)
      .set(auth(mentorToken))
      .send(single(item(others, 'mine-not-1')));
    expect(alone.status).toBe(403);
    const res = await batch(mentorToken, [item(others, 'mine-not-2'), item(own, 'mine-3')]).expect(200);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^forbidden: /),
    });
    expect(res.body.results[1].status).toBe('created');
    await t.http.get(`/api/v1/mentoring/assignments/${others}/sessions`).set(auth(mentorToken)).expect(403);
    await expect(stored(['mine-not-1', 'mine-not-2'])).resolves.toBe(0);
  });

  it("refuses a viewer the sessions' notes and every write", async () => {
    const viewer = await t.tokenFor('viewer');
    await t.http.get(`/api/v1/mentoring/assignments/${own}/sessions?limit=5`).set(auth(viewer)).expect(403);
    const list = await t.http
      .get(`/api/v1/mentoring/assignments/${own}/sessions?limit=5`)
      .set(auth(coordinator))
      .expect(200);
    await t.http
      .post(`/api/v1/mentoring/assignments/${own}/sessions`)
      .set(auth(viewer))
      .send(single(item(own, 'viewer-1')))
      .expect(403);
    await batch(viewer, [item(own, 'viewer-2')]).expect(403);
    await t.http
      .patch(`/api/v1/mentoring/sessions/${list.body.items[0].id}`)
      .set(auth(viewer))
      .send({ durationMinutes: 5 })
      .expect(403);
    await expect(stored(['viewer-1', 'viewer-2'])).resolves.toBe(0);
  });

  it('refuses invalid single sessions with 400 naming the field', async () => {
    const post = (fields: Record<string, unknown>) =>
      t.http
        .post(`/api/v1/mentoring/assignments/${own}/sessions`)
        .set(auth(coordinator))
        .send(single(item(own, 'invalid-1', fields)));
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ durationMinutes: 0 }, /^durationMinutes: /],
      [{ durationMinutes: 601 }, /^durationMinutes: /],
      [{ durationMinutes: 30.5 }, /^durationMinutes: /],
      [{ occurredAt: new Date(Date.now() + 3600_000).toISOString() }, /^occurredAt: .*future/],
      [{ occurredAt: '2025-03-04' }, /^occurredAt: /],
      [{ mode: 'letter' }, /^mode: /],
      [{ topics: Array.from({ length: 11 }, () => 'x') }, /^topics: /],
      [{ topics: ['   '] }, /^topics: each topic must be 1–100 characters after trimming$/],
      [{ topics: ['x'.repeat(101)] }, /^topics: /],
      [{ topics: [7] }, /^topics: each value in topics must be a string$/],
      [{ notes: 'n'.repeat(4001) }, /^notes: /],
    ];
    for (const [fields, message] of cases) {
      const res = await post(fields);
      expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(message)]);
    }
    await expect(stored(['invalid-1'])).resolves.toBe(0);
  });

  it('refuses a batch envelope of 501 items or none with 400 naming sessions', async () => {
    const big = await batch(
      coordinator,
      Array.from({ length: 501 }, (_, i) => item(own, `big-${i}`)),
    ).expect(400);
    expect(big.body.message).toMatch(/^sessions: /);
    await batch(coordinator, []).expect(400);
    await expect(stored(['big-0'])).resolves.toBe(0);
  });

  it('accepts a full batch of 500 sessions with 4,000-character Cyrillic notes, audited by one event', async () => {
    const notes = 'Хиймэл оюун ухааныг хичээлд ашиглах. '.repeat(200).slice(0, 4000);
    const sessions = Array.from({ length: 500 }, (_, i) =>
      item(second, `full-${i}`, { notes, topics: Array(10).fill('т'.repeat(100)) }),
    );
    const batchEvents = () =>
      withDb(
        async (pg) =>
          (
            await pg.query(
              `SELECT count(*)::int AS n FROM audit_events WHERE action = 'POST /api/v1/mentoring/sessions/batch'`,
            )
          ).rows[0].n as number,
      );
    const eventsBefore = await batchEvents();
    const res = await batch(coordinator, sessions).expect(200);
    expect(res.body).toMatchObject({ created: 500, rejected: 0 });
    await expect(stored(sessions.map((s) => s.clientRef))).resolves.toBe(500);
    await expect(batchEvents()).resolves.toBe(eventsBefore + 1);
  });

  it('edits a session after logging, keeping updated_at and an audit event', async () => {
    const res = await batch(mentorToken, [item(own, 'edit-1', { occurredAt: hoursAgo(2) })]).expect(200);
    const session = { id: res.body.results[0].id as string, ...(await storedRow(res.body.results[0].id)) };
    const edited = await t.http
      .patch(`/api/v1/mentoring/sessions/${session.id}`)
      .set(auth(mentorToken))
      // Topics are stored trimmed, and their 1–100 characters counted so.
      .send({ durationMinutes: 50, topics: ['  feedback ', ` ${'т'.repeat(100)} `] })
      .expect(200);
    expect(edited.body).toMatchObject({
      durationMinutes: 50,
      topics: ['feedback', 'т'.repeat(100)],
      clientRef: 'edit-1',
    });
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThan(new Date(session.updatedAt).getTime());
    const audit = await withDb((pg) =>
      pg.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [session.id]),
    );
    expect(audit.rows.map((r) => r.action)).toContain('PATCH /api/v1/mentoring/sessions/:id');
    const bad = await t.http
      .patch(`/api/v1/mentoring/sessions/${session.id}`)
      .set(auth(mentorToken))
      .send({ mode: null });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringMatching(/^mode: /)]);
  });

  it('marks the programme figures dirty with a session write and asks for a rollup; a batch of duplicates changes nothing', async () => {
    const version = () =>
      withDb(async (pg) =>
        Number(
          (
            await pg.query(
              `SELECT count(*)::int AS n FROM figures_dirty_marks WHERE programme_id = $1 AND consumer = 'rollup'`,
              [programmeId],
            )
          ).rows[0].n,
        ),
      );
    const stats = t.app.get<Queue>(getQueueToken('stats'));
    await stats.removeDeduplicationKey(`rollup-${programmeId}`);
    const before = await version();
    await batch(mentorToken, [item(own, 'dirty-1'), item(second, 'dirty-2')]).expect(200);
    await expect(version()).resolves.toBe(before + 1);
    // Requested within StatsTrigger's gathering window, after the commit.
    await expect(
      waitFor(
        'the rollup request',
        async () => (await stats.getDeduplicationJobId(`rollup-${programmeId}`)) ?? undefined,
        5_000,
        10,
      ),
    ).resolves.toEqual(expect.any(String));
    await batch(mentorToken, [item(own, 'dirty-1')]).expect(200);
    await expect(version()).resolves.toBe(before + 1);
  });

  /**
   * Posts a session while another transaction holds its assignment after `change`: the write has
   * read the assignment as it was and waits for the row; the change commits, and the answer follows.
   */
  async function postWhileChanged(assignmentId: string, change: string, body: object) {
    return withDb(async (pg) => {
      await pg.query('BEGIN');
      await pg.query(`UPDATE mentoring_assignments SET ${change} WHERE id = $1`, [assignmentId]);
      const answer = t.http
        .post(`/api/v1/mentoring/assignments/${assignmentId}/sessions`)
        .set(auth(mentorToken))
        .send(body)
        .then((res) => res);
      await waitFor(
        'the session write waiting for the assignment',
        async () =>
          (
            await t.db.query(
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH locked AS%'`,
            )
          ).length > 0,
        10_000,
        20,
      );
      await pg.query('COMMIT');
      return answer;
    });
  }

  it('checks a session against its assignment as committed: an end committed while the write waited refuses it', async () => {
    const target = await assignment(mentor);
    const res = await postWhileChanged(
      target,
      `ends_on = '2025-03-01'`,
      single(item(target, 'waited-end', { occurredAt: '2025-03-10T10:00:00Z' })),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^occurredAt: .* ended on 2025-03-01/);
    await expect(stored(['waited-end'])).resolves.toBe(0);
    const events = await t.db.query(
      `SELECT 1 FROM audit_events WHERE changes -> 'body' ->> 'clientRef' = 'waited-end'`,
    );
    expect(events).toHaveLength(0);
  });

  it('stores a session whose assignment changed while the write waited in a way that does not touch it', async () => {
    const target = await assignment(mentor);
    const res = await postWhileChanged(
      target,
      `goals = 'Assessment design'`,
      single(item(target, 'waited-goals')),
    );
    expect(res.status).toBe(201);
    const [event] = await t.db.query(
      `SELECT entity_id FROM audit_events WHERE changes -> 'body' ->> 'clientRef' = 'waited-goals'`,
    );
    expect(event).toEqual({ entity_id: res.body.id });
  });

  it('answers one 201 and nine 200 with the same session when it is posted 10 times at once', async () => {
    const body = single(item(second, 'single-race'));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post(`/api/v1/mentoring/assignments/${second}/sessions`).set(auth(mentorToken)).send(body),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    await expect(stored(['single-race'])).resolves.toBe(1);
  });
});
