import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { StatsTrigger } from '@cascade/platform';
import { runGenerator } from '../bench/generator/run';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeProgramme } from './support/factories';
import { TEST_DATABASE_URL } from './support/test-env';
import { waitFor } from './support/wait';

const lockKey = `hashtextextended('stats-rollup:' || $1::text, 0)`;

describe('stats API', () => {
  let t: TestApp;
  let programmeId: string;
  let queue: Queue;
  let trigger: StatsTrigger;
  let coordinator: string;
  let viewer: string;

  const stats = (query = '', token = coordinator) =>
    t.http.get(`/api/v1/programmes/${programmeId}/stats${query}`).set('Authorization', `Bearer ${token}`);
  const figuresNow = async () => (await stats().expect(200)).body;
  const rolledUp = async () => {
    const [row] = await t.db.query(`SELECT NOT figures_marks_pending($1, 'rollup') AS done`, [programmeId]);
    return row?.done ? true : undefined;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await resetDatabase();
    t = await createTestApp({ worker: true });
    queue = t.app.get<Queue>(getQueueToken('stats'));
    trigger = t.app.get(StatsTrigger);
    ({ programmeId } = await runGenerator(t.db, {
      databaseUrl: TEST_DATABASE_URL,
      scale: 1,
      demoUsers: false,
      log: () => undefined,
    }));
    coordinator = await t.tokenFor('coordinator');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  it('answers 404 for a programme with no snapshot yet, requests a rollup, and serves its figures once it ran', async () => {
    // A programme with no records yet: nothing marked it, so nothing rolled it up.
    const fresh = await makeProgramme(t.db);
    const statsOf = (id: string) =>
      t.http.get(`/api/v1/programmes/${id}/stats`).set('Authorization', `Bearer ${coordinator}`);
    await statsOf(fresh.programmeId).expect(404);
    await waitFor(
      'the rollup the 404 requested',
      async () => ((await statsOf(fresh.programmeId)).status === 200 ? true : undefined),
      30_000,
    );
    // The generated programme was marked by its inserts, and is rolled up without being asked.
    const body = await waitFor(
      'the first rollup',
      async () => {
        const res = await stats();
        return res.status === 200 ? res.body : undefined;
      },
      30_000,
    );
    expect(body).toMatchObject({
      participants: 2054,
      institutions: 38,
      masterTeachers: 22,
      completers: 1698,
      certified: 580,
      aiAdopters: 509,
      completionRate: 0.8267,
      certificationRate: 0.3416,
      aiAdoptionRate: 0.2998,
      byGeneration: { '2': 1240, '3': 814 },
      stale: false,
    });
    expect(body.mentoringHours).toBeCloseTo(Number((body.mentoringHours as number).toFixed(2)), 10);
    expect(new Date(body.computedAt as string).toISOString()).toBe(body.computedAt);
  });

  it('lists every region with names, and one region by scopeId with the same figures', async () => {
    const res = await stats('?scope=region').expect(200);
    expect(res.body.items).toHaveLength(22);
    expect(res.body).toMatchObject({ stale: false, computedAt: expect.any(String) });
    const items = res.body.items as { scopeId: string; name: string; nameMn: string; participants: number }[];
    const arkhangai = items.find((item) => item.name === 'Arkhangai')!;
    expect(arkhangai.nameMn).toBe('Архангай');
    const one = await stats(`?scope=region&scopeId=${arkhangai.scopeId}`).expect(200);
    const { scopeId, name, nameMn, ...figures } = arkhangai;
    expect(one.body).toMatchObject(figures);
    expect([scopeId, name, nameMn]).toEqual([arkhangai.scopeId, 'Arkhangai', 'Архангай']);
  });

  it('breaks the programme down by institution, round and cohort', async () => {
    const institutions = (await stats('?scope=institution').expect(200)).body.items as {
      participants: number;
    }[];
    expect(institutions).toHaveLength(38);
    expect(institutions.reduce((sum, i) => sum + i.participants, 0)).toBe(2054);
    // Round 2 has 896 enrolments but 814 participants: one in ten is in two of its cohorts.
    const rounds = (await stats('?scope=round').expect(200)).body.items as {
      participants: number;
      masterTeachers: number;
    }[];
    expect(rounds.map((r) => [r.participants, r.masterTeachers])).toEqual([
      [1240, 22],
      [814, 0],
      [0, 0],
    ]);
    const cohorts = (await stats('?scope=cohort').expect(200)).body.items as unknown[];
    expect(cohorts).toHaveLength(83);
  });

  it('refuses a bad scope, a scopeId without scope and an unknown scope with 400/404', async () => {
    await stats('?scope=galaxy').expect(400);
    await stats('?scopeId=00000000-0000-4000-8000-000000000000').expect(400);
    await stats('?scope=cohort&scopeId=not-a-uuid').expect(400);
    await stats('?scope=cohort&scopeId=00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('lets viewers and master teachers read but not refresh, and refuses anonymous callers', async () => {
    await stats('', viewer).expect(200);
    await stats('', await t.tokenFor('master_teacher')).expect(200);
    await t.http.get(`/api/v1/programmes/${programmeId}/stats`).expect(401);
    await t.http
      .post(`/api/v1/programmes/${programmeId}/stats/refresh`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(403);
  });

  it('says stale while records changed after the snapshot, and a refresh job brings it up to date', async () => {
    await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [programmeId]);
    await expect(figuresNow()).resolves.toMatchObject({ stale: true });
    const res = await t.http
      .post(`/api/v1/programmes/${programmeId}/stats/refresh`)
      .set('Authorization', `Bearer ${coordinator}`)
      .expect(202);
    expect(res.body).toMatchObject({
      jobId: expect.any(String),
      state: expect.any(String),
      dirtyVersion: expect.any(Number),
      coversVersion: expect.any(Boolean),
    });
    const state = await waitFor(
      'the refresh job',
      async () => {
        const job = await t.http
          .get(`/api/v1/programmes/${programmeId}/stats/jobs/${res.body.jobId}`)
          .set('Authorization', `Bearer ${viewer}`)
          .expect(200);
        return job.body.state === 'completed' ? job.body.state : undefined;
      },
      30_000,
    );
    expect(state).toBe('completed');
    await expect(figuresNow()).resolves.toMatchObject({ stale: false });
    await t.http
      .get(`/api/v1/programmes/${programmeId}/stats/jobs/no-such-job`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(404);
  });

  it('keeps one point per day in the history', async () => {
    const res = await t.http
      .get(`/api/v1/programmes/${programmeId}/stats/history`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      date: new Date().toISOString().slice(0, 10),
      participants: 2054,
      completers: 1698,
    });
  });

  it('reflects a newly verified AI adoption once the rollup it triggered has run', async () => {
    const [{ id: personId }] = await t.db.query(
      `SELECT x.person_id AS id FROM (
         SELECT e.person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
          WHERE c.programme_id = $1 AND e.status = 'completed') x
        WHERE NOT EXISTS (SELECT 1 FROM ai_adoptions a WHERE a.person_id = x.person_id AND a.verified_on IS NOT NULL)
        LIMIT 1`,
      [programmeId],
    );
    const before = (await figuresNow()).aiAdopters as number;
    const recorded = await t.http
      .post('/api/v1/ai-adoptions')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        personId,
        programmeId,
        observedOn: '2025-06-10',
        kind: 'assessment',
        description: 'AI-drafted rubrics, teacher-checked',
      })
      .expect(201);
    await t.http
      .post(`/api/v1/ai-adoptions/${recorded.body.id}/verify`)
      .set('Authorization', `Bearer ${coordinator}`)
      .expect(200);
    const after = await waitFor(
      'the new AI adopter in the figures',
      async () => {
        const body = await figuresNow();
        return body.aiAdopters === before + 1 && !body.stale ? body : undefined;
      },
      30_000,
    );
    expect(after.aiAdoptionRate).toBe(Math.round(((before + 1) / 1698) * 10_000) / 10_000);
  });

  it('adds nothing for triggers while a rollup waits, and runs once more after a write during a running one', async () => {
    const other = await makeProgramme(t.db);
    const locks = new Client({ connectionString: TEST_DATABASE_URL });
    await locks.connect();
    try {
      await locks.query(`SELECT pg_advisory_lock(${lockKey})`, [other.programmeId]);
      await locks.query(`SELECT pg_advisory_lock(${lockKey})`, [programmeId]);
      // The worker (one job at a time) is held by the other programme's rollup.
      const busy = await trigger.requestRollup(other.programmeId);
      await waitFor(
        'busy',
        async () => ((await queue.getJobState(busy!)) === 'active' ? true : undefined),
        30_000,
      );
      const ids = [
        await trigger.requestRollup(programmeId),
        await trigger.requestRollup(programmeId),
        await trigger.requestRollup(programmeId),
      ];
      expect(new Set(ids).size).toBe(1);
      await expect(queue.getWaitingCount()).resolves.toBe(1);

      await locks.query(`SELECT pg_advisory_unlock(${lockKey})`, [other.programmeId]);
      await waitFor(
        'running',
        async () => ((await queue.getJobState(ids[0]!)) === 'active' ? true : undefined),
        30_000,
      );
      // A write while that rollup runs (it waits on the lock, its snapshot not yet taken or already taken).
      await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [programmeId]);
      await trigger.requestRollup(programmeId);
      await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [programmeId]);
      await trigger.requestRollup(programmeId);
      await locks.query(`SELECT pg_advisory_unlock(${lockKey})`, [programmeId]);

      await waitFor('the rollup after the write', rolledUp, 30_000);
      const rollups = (await queue.getJobs(['completed'])).filter(
        (job) => job.name === 'rollup' && job.data.programmeId === programmeId && job.id !== ids[0],
      );
      expect(await queue.getJobState(ids[0]!)).toBe('completed');
      expect(rollups.length).toBeGreaterThanOrEqual(1);
      await expect(figuresNow()).resolves.toMatchObject({ stale: false });
    } finally {
      await locks.end();
    }
  });

  it('sweeps: a rollup is requested for every programme whose figures are behind', async () => {
    await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1::uuid])`, [programmeId]);
    const sweep = await queue.add('sweep', {});
    const result = await waitFor(
      'the sweep',
      async () => {
        const job = await queue.getJob(sweep.id!);
        return job?.finishedOn ? (job.returnvalue as { requested: string[] }) : undefined;
      },
      30_000,
    );
    expect(result.requested).toContain(programmeId);
    await waitFor('the swept rollup', rolledUp, 30_000);
    await expect(figuresNow()).resolves.toMatchObject({ stale: false });
  });
});
