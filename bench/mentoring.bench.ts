/**
 * Mentoring ingest benchmark (not a test): how fast devices' sessions are stored.
 *   npm run bench:mentoring      (= npx ts-node -r tsconfig-paths/register --transpile-only bench/mentoring.bench.ts)
 * Env: BENCH_SESSIONS (100000), BENCH_CLIENTS (4), BENCH_DURATION seconds (20), BENCH_CONNECTIONS (50),
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_mentoring — dropped and rebuilt), BENCH_REDIS_URL.
 * The API runs in this process on 127.0.0.1 with a free port; autocannon runs in a worker thread.
 */
import * as os from 'os';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import {
  BENCH_DATABASE_URL,
  BENCH_PASSWORD,
  BENCH_REDIS_PREFIX,
  BenchWorld,
  clearRedisPrefix,
  createUser,
  listenApi,
  recreateDatabase,
  seedWorld,
  benchApiEnv,
} from './mentoring-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100_000);
const BATCH = 500;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const MENTORS = 50;
const MENTEES_PER_MENTOR = 40;
const NOTES =
  'Хичээлийн төлөвлөгөөг хиймэл оюун ухаанаар хамтдаа боловсруулж, үнэлгээний даалгаврыг хэлэлцэв. ';
const MODES = ['online', 'face_to_face', 'phone'];

const log = (message: string) => process.stdout.write(`${message}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function settingsForTheApi(): void {
  benchApiEnv(BENCH_DATABASE_URL, BENCH_REDIS_PREFIX, { unthrottled: true });
}

/** Every client's batches as JSON bodies, built before the clock starts. */
function batchBodies(world: BenchWorld): string[][] {
  const perClient = Math.ceil(SESSIONS / CLIENTS);
  return Array.from({ length: CLIENTS }, (_, client) => {
    const assignments = world.mentors[client].assignmentIds;
    const sessions = Array.from({ length: Math.min(perClient, SESSIONS - client * perClient) }, (_, k) => ({
      assignmentId: assignments[k % assignments.length],
      clientRef: `batch-${client}-${k}`,
      occurredAt: new Date(Date.parse('2025-01-02T00:00:00Z') + k * 60_000).toISOString(),
      durationMinutes: 30 + (k % 90),
      mode: MODES[k % MODES.length],
      topics: ['lesson planning', 'assessment design'],
      notes: NOTES,
    }));
    const bodies: string[] = [];
    for (let i = 0; i < sessions.length; i += BATCH)
      bodies.push(JSON.stringify({ sessions: sessions.slice(i, i + BATCH) }));
    return bodies;
  });
}

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Sends every client's batches, the clients concurrently and each one batch after another. */
async function sendBatches(
  base: string,
  tokens: string[],
  bodies: string[][],
  expected: 'created' | 'duplicate',
) {
  const latencies: number[] = [];
  let stored = 0;
  const started = performance.now();
  await Promise.all(
    bodies.map(async (clientBodies, client) => {
      for (const body of clientBodies) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/mentoring/sessions/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[client]}` },
          body,
        });
        const result = (await res.json()) as Record<string, number>;
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${JSON.stringify(result)}`);
        stored += result[expected];
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    stored,
    perSecond: stored / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function singleSessionLoad(
  base: string,
  token: string,
  assignmentIds: string[],
): Promise<AutocannonResult> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    workers: 1,
    idReplacement: true,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: assignmentIds.slice(0, 8).map((assignmentId) => ({
      method: 'POST',
      path: `/api/v1/mentoring/assignments/${assignmentId}/sessions`,
      body: JSON.stringify({
        clientRef: 'load-[<id>]',
        occurredAt: '2025-06-01T10:00:00+08:00',
        durationMinutes: 45,
        mode: 'online',
        topics: ['feedback on a lesson'],
        notes: NOTES,
      }),
    })),
  });
}

async function main(): Promise<void> {
  settingsForTheApi();
  log(`database ${BENCH_DATABASE_URL} (recreated), Redis prefix ${BENCH_REDIS_PREFIX}`);
  await recreateDatabase();
  await clearRedisPrefix();
  const pg = new Client({ connectionString: BENCH_DATABASE_URL });
  await pg.connect();
  const world = await seedWorld(pg, MENTORS, MENTEES_PER_MENTOR);
  for (let m = 0; m <= CLIENTS; m++)
    await createUser(pg, `mentor-${m}@bench.local`, 'master_teacher', world.mentors[m].personId);
  log(`seeded ${MENTORS} mentors, ${MENTORS * MENTEES_PER_MENTOR} assignments`);

  const app = await listenApi();
  const { base } = app;
  log(`API listening on ${base}`);
  try {
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS + 1 }, (_, m) => login(base, `mentor-${m}@bench.local`)),
    );
    const bodies = batchBodies(world);

    log(`1. ${SESSIONS} sessions in batches of ${BATCH}, ${CLIENTS} concurrent clients`);
    const first = await sendBatches(base, tokens, bodies, 'created');
    const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM mentoring_sessions`)).rows;
    if (n !== SESSIONS || first.stored !== SESSIONS)
      throw new Error(`stored ${n} rows, ${first.stored} created, expected ${SESSIONS}`);
    log(
      `   stored ${first.stored} in ${first.seconds.toFixed(1)} s: ${first.perSecond.toFixed(0)} sessions/s; batch p50 ${first.p50.toFixed(0)} ms, p99 ${first.p99.toFixed(0)} ms`,
    );
    const resend = await sendBatches(base, tokens, bodies, 'duplicate');
    log(
      `   resent all: ${resend.stored} duplicates in ${resend.seconds.toFixed(1)} s: ${resend.perSecond.toFixed(0)} sessions/s; batch p50 ${resend.p50.toFixed(0)} ms, p99 ${resend.p99.toFixed(0)} ms`,
    );

    log(`2. single-session logging: autocannon, ${CONNECTIONS} connections, ${DURATION} s`);
    const load = await singleSessionLoad(base, tokens[CLIENTS], world.mentors[CLIENTS].assignmentIds);
    const created = load.statusCodeStats['201']?.count ?? 0;
    const [{ m }] = (
      await pg.query(`SELECT count(*)::int AS m FROM mentoring_sessions WHERE client_ref LIKE 'load-%'`)
    ).rows;
    log(
      `   ${load.requests.average.toFixed(0)} req/s, latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`,
    );
    log(
      `   ${load.requests.total} requests, ${created} answered 201, ${load.non2xx} non-2xx, ${load.errors} errors; ${m} rows stored`,
    );

    const [{ server_version: pgVersion }] = (await pg.query('SHOW server_version')).rows;
    log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}`,
    );
  } finally {
    await app.close();
    await pg.end();
    await clearRedisPrefix();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:mentoring failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
