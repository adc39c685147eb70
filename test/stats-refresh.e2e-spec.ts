import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeProgramme } from './support/factories';
import { TEST_DATABASE_URL } from './support/test-env';
import { waitFor } from './support/wait';

interface JobView {
  jobId: string;
  state: string;
  dirtyVersion: number;
  snapshotVersion: number | null;
  coversVersion: boolean;
}

describe('stats refresh: the answer tells whether the figures include the caller’s writes', () => {
  let t: TestApp;
  let programmeId: string;
  let coordinator: string;
  let viewer: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await resetDatabase();
    t = await createTestApp({ worker: true });
    ({ programmeId } = await makeProgramme(t.db));
    coordinator = await t.tokenFor('coordinator');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  /** A write that changes a figure, as the domain services make it. */
  const write = () => t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [programmeId]);
  const refresh = async (): Promise<JobView> =>
    (
      await t.http
        .post(`/api/v1/programmes/${programmeId}/stats/refresh`)
        .set('Authorization', `Bearer ${coordinator}`)
        .expect(202)
    ).body;
  const job = async (jobId: string, query = ''): Promise<JobView> =>
    (
      await t.http
        .get(`/api/v1/programmes/${programmeId}/stats/jobs/${jobId}${query}`)
        .set('Authorization', `Bearer ${viewer}`)
        .expect(200)
    ).body;
  const coveredBy = (jobId: string, version: number) =>
    waitFor(
      `a snapshot covering version ${version}`,
      async () => {
        const view = await job(jobId, `?dirtyVersion=${version}`);
        return view.coversVersion ? view : undefined;
      },
      30_000,
    );

  it('answers the dirty version at request time, and says covered once a rollup included it', async () => {
    await write();
    const answer = await refresh();
    const [{ v }] = await t.db.query(`SELECT figures_dirty_version($1)::int AS v`, [programmeId]);
    expect(answer).toMatchObject({ jobId: expect.any(String), dirtyVersion: v });
    const covered = await coveredBy(answer.jobId, v);
    expect(covered.snapshotVersion).toBeGreaterThanOrEqual(v);
    const stats = await t.http
      .get(`/api/v1/programmes/${programmeId}/stats`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    expect(stats.body.stale).toBe(false);
  });

  it('says not covered when the refresh met a running rollup, even after that job completed, until the next one ran', async () => {
    // Holds every rollup just before it writes its snapshot, after it read the dirty version.
    const blocker = new Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE stats_snapshots IN EXCLUSIVE MODE');
      await write();
      const first = await refresh();
      await waitFor(
        'the rollup waiting to write its snapshot',
        async () => {
          const rows: unknown[] = await t.db.query(
            `SELECT 1 FROM pg_locks WHERE relation = 'stats_snapshots'::regclass AND NOT granted`,
          );
          return rows.length > 0 ? true : undefined;
        },
        30_000,
      );
      const seen = first.dirtyVersion;

      await write();
      const second = await refresh();
      expect(second).toMatchObject({
        jobId: first.jobId,
        state: 'active',
        coversVersion: false,
      });
      expect(second.dirtyVersion).toBeGreaterThan(seen);
      await blocker.query('COMMIT');

      await waitFor(
        'the running rollup to complete',
        async () => ((await job(first.jobId)).state === 'completed' ? true : undefined),
        30_000,
      );
      const completed = await t.app.get<Queue>(getQueueToken('stats')).getJob(first.jobId);
      expect(completed?.returnvalue).toMatchObject({ dirtyVersion: seen, behind: true });

      const covered = await coveredBy(second.jobId, second.dirtyVersion);
      expect(covered.snapshotVersion).toBeGreaterThanOrEqual(second.dirtyVersion);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
  });

  it('tells, without a version, whether the figures include every write so far', async () => {
    const answer = await refresh();
    await coveredBy(answer.jobId, answer.dirtyVersion);
    await write();
    await expect(job(answer.jobId)).resolves.toMatchObject({ coversVersion: false });
  });

  it('refuses a dirtyVersion that is not a whole number with 400 naming it', async () => {
    const answer = await refresh();
    const res = await t.http
      .get(`/api/v1/programmes/${programmeId}/stats/jobs/${answer.jobId}?dirtyVersion=-1`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('dirtyVersion');
  });
});
