import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { redisOptions } from '@cascade/platform';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { qualifiedProgramme } from './credentials-fixture';
import { waitFor } from './support/wait';

// Low, so the public limit is reached quickly; read when the first public request arrives, and
// put back after this file (the test files of a run share one process).
const savedLimit = process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '5';

const credentialCount = async (t: TestApp, programmeId: string) =>
  (
    (await t.db.query(`SELECT count(*)::int AS n FROM credentials WHERE programme_id = $1`, [
      programmeId,
    ])) as {
      n: number;
    }[]
  )[0].n;

describe('credentials: the issue job, its sweep and the public limit', () => {
  let t: TestApp;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    queue = t.app.get<Queue>(getQueueToken('credentials'));
    events = new QueueEvents('credentials', {
      connection: redisOptions(process.env.REDIS_URL!),
      prefix: process.env.REDIS_PREFIX,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await t.close();
    if (savedLimit === undefined) delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
    else process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = savedLimit;
  });

  it('issues the credential of a certification whose issue job was lost, on the sweep', async () => {
    const { programmeId, people } = await qualifiedProgramme(t, 1);
    // Certified without the after-commit job, as when Redis lost it.
    await t.db.query(
      `INSERT INTO certifications (programme_id, person_id, number, issued_on)
       VALUES ($1, $2, 'MC-2026-' || lpad(nextval('certification_number_seq')::text, 6, '0'), current_date)`,
      [programmeId, people[0].personId],
    );
    expect(await credentialCount(t, programmeId)).toBe(0);
    const sweep = await queue.add('sweep', {});
    await expect(sweep.waitUntilFinished(events, 60_000)).resolves.toMatchObject({
      requested: expect.arrayContaining([programmeId]),
    });
    await waitFor(
      'one credential issued',
      async () => ((await credentialCount(t, programmeId)) === 1 ? true : undefined),
      60_000,
    );
  });

  it('issues nothing for a programme missing an EU element, and says which', async () => {
    const { programmeId, people } = await qualifiedProgramme(t, 1);
    await t.db.query(`UPDATE programmes SET credential = credential - 'qualityAssurance' WHERE id = $1`, [
      programmeId,
    ]);
    await t.db.query(
      `INSERT INTO certifications (programme_id, person_id, number, issued_on)
       VALUES ($1, $2, 'MC-2026-' || lpad(nextval('certification_number_seq')::text, 6, '0'), current_date)`,
      [programmeId, people[0].personId],
    );
    const job = await queue.add('issue', { programmeId });
    await expect(job.waitUntilFinished(events, 60_000)).resolves.toEqual({
      issued: 0,
      missing: ['credential.qualityAssurance: the type of quality assurance is required'],
    });
    expect(await credentialCount(t, programmeId)).toBe(0);
  });

  it('limits the public endpoints per address with 429 and Retry-After', async () => {
    const context = () => t.http.get('/api/v1/public/contexts/microcredential-v1.jsonld');
    for (let i = 0; i < 5; i++) await context().expect(200);
    const limited = await context().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
