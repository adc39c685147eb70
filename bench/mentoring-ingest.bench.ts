/**
 * Batch ingest of mentoring sessions beside its floor, in the same run (issue 19 goal 4):
 *   npm run bench:mentoring-ingest
 *   (= npx ts-node -r tsconfig-paths/register --transpile-only bench/mentoring-ingest.bench.ts)
 * Env: BENCH_SESSIONS (100000), BENCH_CLIENTS (4), BENCH_RUNS (3),
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_mentoring_ingest — dropped and rebuilt), BENCH_REDIS_URL,
 * BENCH_API=built runs the API as production does, `node dist/apps/api/main.js` (`npm run build`
 * first), in a child process, its CPU read from /proc; else in this process under ts-node.
 * BENCH_PROFILE=file.cpuprofile: a CPU profile of the API's main thread, summarised at the end —
 * in this process during the last run; built, its whole life (node --cpu-prof, written as it exits).
 *
 * A warm-up sends every batch once. Each run then empties mentoring_sessions, then `COPY … FROM
 * STDIN` (psql, CSV) of the very rows the API is about to receive, empties the table again, then
 * the same rows through `POST /api/v1/mentoring/sessions/batch` (batches of 500, the load
 * generator in a worker thread, the API in this process or its own). After the last run every
 * batch is sent again and must answer all `duplicate`.
 */
import { spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { Worker } from 'worker_threads';
import { RunningApi, startApi } from './built-app';
import { profiled, summarise } from './cpu-profile';
import { postgresCpuMs } from './proc-cpu';
import { INGEST_CLIENT_SOURCE, IngestClientInput, IngestClientOutput } from './mentoring-ingest-client';
import {
  BENCH_PASSWORD,
  BENCH_REDIS_URL,
  BenchWorld,
  clearRedisPrefix,
  createUser,
  recreateDatabase,
  seedWorld,
  benchApiEnv,
} from './mentoring-fixtures';

// Its own database and prefix: bench:mentoring may run beside it.
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_mentoring_ingest';
const REDIS_PREFIX = 'cascade-bench-mentoring-ingest';
const PROFILE = process.env.BENCH_PROFILE;
const BUILT = process.env.BENCH_API === 'built';
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 500;
const MENTORS = 50;
const MENTEES_PER_MENTOR = 40;
const NOTES =
  'Хичээлийн төлөвлөгөөг хиймэл оюун ухаанаар хамтдаа боловсруулж, үнэлгээний даалгаврыг хэлэлцэв. ';
const TOPICS = ['lesson planning', 'assessment design'];
const MODES = ['online', 'face_to_face', 'phone'];
const COPY_SQL = `COPY mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, topics, notes, client_ref, recorded_by)
  FROM STDIN WITH (FORMAT csv)`;

interface Sent {
  assignmentId: string;
  clientRef: string;
  occurredAt: string;
  durationMinutes: number;
  mode: string;
  topics: string[];
  notes: string;
}

const log = (message: string) => process.stdout.write(`${message}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Per client (master teacher m), the sessions it logs for its own mentees. */
function sessionsPerClient(world: BenchWorld): Sent[][] {
  const perClient = Math.ceil(SESSIONS / CLIENTS);
  return Array.from({ length: CLIENTS }, (_, client) => {
    const assignments = world.mentors[client].assignmentIds;
    return Array.from({ length: Math.min(perClient, SESSIONS - client * perClient) }, (_, k) => ({
      assignmentId: assignments[k % assignments.length],
      clientRef: `batch-${client}-${k}`,
      occurredAt: new Date(Date.parse('2025-01-02T00:00:00Z') + k * 60_000).toISOString(),
      durationMinutes: 30 + (k % 90),
      mode: MODES[k % MODES.length],
      topics: TOPICS,
      notes: NOTES,
    }));
  });
}

function batchBodies(sessions: Sent[][]): string[][] {
  return sessions.map((mine) => {
    const bodies: string[] = [];
    for (let i = 0; i < mine.length; i += BATCH)
      bodies.push(JSON.stringify({ sessions: mine.slice(i, i + BATCH) }));
    return bodies;
  });
}

/** The same rows as CSV for COPY, recorded_by the client's user as the API would write it. */
function copyCsv(sessions: Sent[][], userIds: string[]): string {
  const topics = `{${TOPICS.map((t) => `"${t}"`).join(',')}}`;
  return sessions
    .flatMap((mine, client) =>
      mine.map((s) =>
        [
          s.assignmentId,
          s.occurredAt,
          s.durationMinutes,
          s.mode,
          csvField(topics),
          csvField(s.notes),
          s.clientRef,
          userIds[client],
        ].join(','),
      ),
    )
    .join('\n');
}

const connections = async (pg: Client): Promise<number> =>
  (await pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`))
    .rows[0].n;

/**
 * COPY's seconds and the CPU PostgreSQL spent on it, its backend's counted once it is gone (the
 * postmaster has reaped it).
 */
async function copyMeasured(pg: Client, csv: string): Promise<{ seconds: number; postgresMs: number }> {
  const before = await connections(pg);
  const cpu = postgresCpuMs();
  const seconds = await copyIn(csv);
  while ((await connections(pg)) > before) await new Promise((resolve) => setTimeout(resolve, 20));
  return { seconds, postgresMs: postgresCpuMs() - cpu };
}

/** psql's `COPY FROM STDIN`, timed from start to exit (psql's own start-up, ~20 ms, included). */
function copyIn(csv: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const psql = spawn('psql', [DATABASE_URL, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', COPY_SQL], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    psql.on('error', reject);
    psql.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`psql exited ${code}`)),
    );
    psql.stdin.end(csv);
  });
}

type Ingest = IngestClientOutput & { apiMs: number; postgresMs: number };

/**
 * The batches sent from a worker thread, with the CPU the API and PostgreSQL spent meanwhile (the
 * API in this process: the generator's few milliseconds count too).
 */
async function sendInWorker(app: RunningApi, input: IngestClientInput): Promise<Ingest> {
  const api = app.cpuMs();
  const postgres = postgresCpuMs();
  const output = await generate(input);
  return { ...output, apiMs: app.cpuMs() - api, postgresMs: postgresCpuMs() - postgres };
}

function generate(input: IngestClientInput): Promise<IngestClientOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(INGEST_CLIENT_SOURCE, { eval: true, workerData: input });
    worker.once('message', (output: IngestClientOutput) => {
      void worker.terminate();
      if (output.error) reject(new Error(output.error));
      else resolve(output);
    });
    worker.once('error', reject);
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

async function emptyTable(pg: Client): Promise<void> {
  await pg.query('TRUNCATE mentoring_sessions');
  await pg.query('CHECKPOINT');
}

async function expectRows(pg: Client, what: string): Promise<void> {
  const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM mentoring_sessions`)).rows;
  if (n !== SESSIONS) throw new Error(`${what}: ${n} rows, expected ${SESSIONS}`);
}

function describeIngest(name: string, out: Ingest): string {
  const sorted = [...out.latencies].sort((a, b) => a - b);
  const perBatch = (ms: number) => (ms / out.latencies.length).toFixed(1);
  return `${name} ${out.stored} in ${out.seconds.toFixed(2)} s: ${(out.stored / out.seconds).toFixed(0)} sessions/s; batch p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms; CPU per batch: API process ${perBatch(out.apiMs)} ms, PostgreSQL ${perBatch(out.postgresMs)} ms`;
}

async function main(): Promise<void> {
  benchApiEnv(DATABASE_URL, REDIS_PREFIX, { unthrottled: true });
  log(
    `database ${DATABASE_URL} (recreated), Redis prefix ${REDIS_PREFIX}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(BENCH_REDIS_URL, REDIS_PREFIX);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  const world = await seedWorld(pg, MENTORS, MENTEES_PER_MENTOR);
  const emails = Array.from({ length: CLIENTS }, (_, m) => `mentor-${m}@bench.local`);
  for (const [m, email] of emails.entries())
    await createUser(pg, email, 'master_teacher', world.mentors[m].personId);
  const userIds: string[] = [];
  for (const email of emails)
    userIds.push((await pg.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id);

  const profileArgs = PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(PROFILE)}`, `--cpu-prof-name=${path.basename(PROFILE)}`]
    : [];
  const app = await startApi(BUILT, { DATABASE_URL, REDIS_PREFIX }, profileArgs);
  log(`API ${BUILT ? 'built, its own process' : 'in this process'} on ${app.base}`);
  try {
    const tokens = await Promise.all(emails.map((email) => login(app.base, email)));
    const sessions = sessionsPerClient(world);
    const bodies = batchBodies(sessions);
    const csv = copyCsv(sessions, userIds);
    const url = `${app.base}/api/v1/mentoring/sessions/batch`;
    log(`${SESSIONS} sessions, ${CLIENTS} clients, batches of ${BATCH}, ${RUNS} runs (COPY, then the API)`);
    // A serving API has compiled its hot paths long ago; a fresh one spends its first run doing so.
    await emptyTable(pg);
    log(
      `warm-up: ${describeIngest('API', await sendInWorker(app, { url, tokens, bodies, expected: 'created' }))}`,
    );

    const copyRates: number[] = [];
    const apiRates: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await emptyTable(pg);
      const copy = await copyMeasured(pg, csv);
      const copySeconds = copy.seconds;
      await expectRows(pg, 'COPY');
      await emptyTable(pg);
      const send = () => sendInWorker(app, { url, tokens, bodies, expected: 'created' });
      const ingest = await (PROFILE && !BUILT && run === RUNS ? profiled(PROFILE, send) : send());
      await expectRows(pg, 'API');
      if (ingest.stored !== SESSIONS) throw new Error(`${ingest.stored} created, expected ${SESSIONS}`);
      copyRates.push(SESSIONS / copySeconds);
      apiRates.push(SESSIONS / ingest.seconds);
      log(
        `run ${run}: COPY ${copySeconds.toFixed(2)} s: ${(SESSIONS / copySeconds).toFixed(0)} rows/s; PostgreSQL CPU ${((copy.postgresMs * BATCH) / SESSIONS).toFixed(1)} ms per ${BATCH} rows`,
      );
      log(
        `       ${describeIngest('API', ingest)} (${((100 * apiRates[run - 1]) / copyRates[run - 1]).toFixed(0)}% of COPY)`,
      );
    }
    const resend = await sendInWorker(app, { url, tokens, bodies, expected: 'duplicate' });
    if (resend.stored !== SESSIONS) throw new Error(`${resend.stored} duplicates, expected ${SESSIONS}`);
    await expectRows(pg, 'resend');
    log(`resent all: ${describeIngest('duplicates', resend)}`);
    const ratios = apiRates.map((api, i) => api / copyRates[i]);
    log(
      `median: COPY ${median(copyRates).toFixed(0)} rows/s, API ${median(apiRates).toFixed(0)} sessions/s; ` +
        `API/COPY per run ${ratios.map((r) => `${(100 * r).toFixed(0)}%`).join(', ')}, median ${(100 * median(ratios)).toFixed(0)}%`,
    );
    const [{ server_version: pgVersion }] = (await pg.query('SHOW server_version')).rows;
    log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, PostgreSQL ${pgVersion}; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await pg.end();
    await clearRedisPrefix(BENCH_REDIS_URL, REDIS_PREFIX);
  }
  if (PROFILE) {
    const when = BUILT ? 'its whole life' : `run ${RUNS}`;
    log(`profile of the API's main thread, ${when} (${PROFILE}):\n${summarise(PROFILE, 30)}`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:mentoring-ingest failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
