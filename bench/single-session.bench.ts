/**
 * Single-session logging under an open-loop load (issue 19 goal 3), not a test.
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/single-session.bench.ts
 * Env: BENCH_RATE (200) and BENCH_DURATION seconds (20) for the headline run; BENCH_RATES
 * (300,400,500,600,800,1000) each for BENCH_STEP_SECONDS (10) to find the highest rate with
 * p99 ≤ 50 ms; BENCH_FLOOR_SECONDS (10) for the pgbench floors (0 skips them);
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_single — dropped and rebuilt);
 * BENCH_REDIS_PREFIX (cascade-bench-single) keeps two runs on one Redis apart.
 * BENCH_WARMUP_SECONDS (5) at BENCH_WARMUP_RATE (the headline's rate) before the headline: a
 * lower rate leaves the first seconds of the headline measuring the step up to it (the pool opening
 * connections, code paths warming), not the rate; BENCH_API_NODE_ARGS: flags for the built API's node.
 * BENCH_PROFILE=file.cpuprofile profiles the API during the headline run and prints where its CPU went.
 * BENCH_FRAMEWORK_FLOOR=1 (default; 0 skips it) also sends the headline rate to bench/framework-floor.ts,
 * a bare Nest app with the same route, DTO and validation pipe and nothing else, in its own process:
 * the framework's CPU per request on this machine, the floor the API's is a ratio to.
 * BENCH_API=built runs the API as production does, `node dist/apps/api/main.js` (`npm run build`
 * first) in a child process, its CPU read from /proc; else it runs in this process under ts-node
 * (default pool of 10 either way). The generator (bench/open-loop.ts) runs in a child process.
 */
import { execFileSync, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import {
  BENCH_PASSWORD,
  BENCH_REDIS_URL,
  benchApiEnv,
  clearRedisPrefix,
  createUser,
  recreateDatabase,
  seedWorld,
} from './mentoring-fixtures';
import { WINDOW_SECONDS, type OpenLoopPlan, type OpenLoopResult } from './open-loop';
import { RunningApi, startApi, stopChild } from './built-app';
import { backendCpuMs, processCpuMs } from './proc-cpu';
import { profiled, summarise } from './cpu-profile';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_single';
const REDIS_PREFIX = process.env.BENCH_REDIS_PREFIX ?? 'cascade-bench-single';
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const RATES = (process.env.BENCH_RATES ?? '300,400,500,600,800,1000').split(',').filter(Boolean).map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const WARMUP_RATE = Number(process.env.BENCH_WARMUP_RATE ?? RATE);
/** Flags for the built API's node, e.g. `--max-semi-space-size=16`. */
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** A file: the API's CPU profile of the headline run is written there and summarised. */
const PROFILE = process.env.BENCH_PROFILE;
const BUILT = process.env.BENCH_API === 'built';
const FRAMEWORK_FLOOR = process.env.BENCH_FRAMEWORK_FLOOR !== '0';
const P99_LIMIT_MS = 50;
const POOL = 10;
const NOTES =
  'Хичээлийн төлөвлөгөөг хиймэл оюун ухаанаар хамтдаа боловсруулж, үнэлгээний даалгаврыг хэлэлцэв. ';
const BODY = JSON.stringify({
  clientRef: 'load-{n}',
  occurredAt: '2025-06-01T10:00:00+08:00',
  durationMinutes: 45,
  mode: 'online',
  topics: ['feedback on a lesson'],
  notes: NOTES,
});

const log = (message: string) => process.stdout.write(`${message}\n`);

/** One open-loop run in a child process, so the generator never shares the API's event loop. */
function openLoop(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'open-loop.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
    });
    child.once('message', (result) => {
      resolve(result as OpenLoopResult);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`open-loop exited ${code}`)));
    child.send(plan);
  });
}

/** bench/framework-floor.ts in a child process, once it listens. */
async function startFrameworkFloor(): Promise<RunningApi> {
  const child = fork(path.join(__dirname, 'framework-floor.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`the framework floor exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () => processCpuMs(child.pid!),
    close: () => stopChild(child),
  };
}

/** CPU time per answered request: the API process's own, and its PostgreSQL backends'. */
interface CpuCost {
  apiMs: number;
  postgresMs: number;
}

type Measured = OpenLoopResult & CpuCost;

const describe = (r: Measured) =>
  `${r.rate} req/s offered, ${r.throughput} answered/s; p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, ` +
  `max ${r.max} ms; ${JSON.stringify(r.statuses)}, ${r.errors} errors${r.errors ? ` ${JSON.stringify(r.errorCodes)}` : ''}; generator lag ≤ ${r.maxSendLagMs} ms; ` +
  `CPU per request: API ${r.apiMs.toFixed(2)} ms, PostgreSQL ${r.postgresMs.toFixed(2)} ms; ` +
  `load ${os.loadavg()[0].toFixed(1)}`;

const windows = (r: OpenLoopResult) => r.windows.map((w) => `${w.from} s ${w.p99} / ${w.max}`).join(', ');

/**
 * On a machine shared with other work, wall time measures the queue for the cores too; CPU time
 * per request measures the work (1000 / apiMs is what one idle core could answer).
 */
async function measured(
  pg: Client,
  apiCpuMs: () => number,
  run: () => Promise<OpenLoopResult>,
): Promise<Measured> {
  const backends = async () =>
    (
      await pg.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows.map((r: { pid: number }) => r.pid);
  // The pool closes connections idle for 10 s and opens new ones under load: a backend that
  // started during the run counts from its start.
  const before = new Map((await backends()).map((pid) => [pid, backendCpuMs([pid])]));
  const api0 = apiCpuMs();
  const result = await run();
  const api = apiCpuMs() - api0;
  const postgres = (await backends()).reduce(
    (sum, pid) => sum + backendCpuMs([pid]) - (before.get(pid) ?? 0),
    0,
  );
  const answered = Math.max(1, result.completed);
  return { ...result, apiMs: api / answered, postgresMs: postgres / answered };
}

const sustained = (r: OpenLoopResult) =>
  r.p99 <= P99_LIMIT_MS && r.errors === 0 && r.statuses['201'] === r.sent;

/**
 * The database's floor on this machine: pgbench with POOL clients, each transaction the
 * statements one request's transaction runs (the assignment read FOR SHARE, the session insert
 * with its figures trigger, the audit event), and a bare one-row insert.
 */
function pgbenchFloors(assignmentId: string, mentorUserId: string): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'single-session-floor-'));
  const scripts: Record<string, string> = {
    'request transaction': `\\set ref random(1, 1000000000)
BEGIN;
SELECT id, programme_id, mentor_id, starts_on, ends_on FROM mentoring_assignments WHERE id = '${assignmentId}' FOR SHARE;
INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, topics, notes, client_ref, recorded_by) VALUES ('${assignmentId}', '2025-06-01T10:00:00+08:00', 45, 'online', ARRAY['feedback on a lesson'], '${NOTES}', 'floor-' || :client_id || '-' || :ref, '${mentorUserId}') ON CONFLICT DO NOTHING RETURNING id;
INSERT INTO audit_events (actor_user_id, actor_email, action, entity, entity_id, changes) VALUES ('${mentorUserId}', 'floor@bench.local', 'create', 'mentoring_sessions', gen_random_uuid()::text, '{}');
COMMIT;
`,
    'one-row insert': `INSERT INTO floor_rows (n) VALUES (:client_id);\n`,
  };
  const floors: Record<string, number> = {};
  for (const [name, script] of Object.entries(scripts)) {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.sql`);
    fs.writeFileSync(file, script);
    const out = execFileSync(
      'pgbench',
      ['-n', '-c', String(POOL), '-j', '2', '-T', String(FLOOR_SECONDS), '-f', file, DATABASE_URL],
      // The figures trigger's NOTICE (what the API listens for) would be printed for every transaction.
      { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } },
    );
    floors[name] = Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN));
  }
  fs.rmSync(dir, { recursive: true });
  return floors;
}

async function main(): Promise<void> {
  benchApiEnv(DATABASE_URL, REDIS_PREFIX, { unthrottled: true });
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(BENCH_REDIS_URL, REDIS_PREFIX);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  const world = await seedWorld(pg, 2, 40);
  await createUser(pg, 'mentor-0@bench.local', 'master_teacher', world.mentors[0].personId);
  const [{ id: mentorUserId }] = (await pg.query(`SELECT id FROM users WHERE email = 'mentor-0@bench.local'`))
    .rows;
  if (BUILT && PROFILE)
    throw new Error('BENCH_PROFILE profiles the API in this process: leave BENCH_API unset');
  const app = await startApi(BUILT, { DATABASE_URL, REDIS_PREFIX }, API_NODE_ARGS);
  log(
    `database ${DATABASE_URL} (recreated); API ${BUILT ? 'built, its own process' : 'in this process'} on ${app.base}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const login = await fetch(`${app.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mentor-0@bench.local', password: BENCH_PASSWORD }),
    });
    const { accessToken: token } = (await login.json()) as { accessToken: string };
    const paths = world.mentors[0].assignmentIds.map((id) => `/api/v1/mentoring/assignments/${id}/sessions`);
    const plan = (ratePerSecond: number, durationSeconds: number, run: string): OpenLoopPlan => ({
      base: app.base,
      token,
      paths,
      body: BODY,
      ratePerSecond,
      durationSeconds,
      run,
    });

    const warm = await measured(pg, app.cpuMs, () => openLoop(plan(WARMUP_RATE, WARMUP_SECONDS, 'warm')));
    log(`warm-up, ${WARMUP_SECONDS} s: ${describe(warm)}`);
    const headlineRun = () => openLoop(plan(RATE, DURATION, 'headline'));
    const headline = await measured(
      pg,
      app.cpuMs,
      PROFILE ? () => profiled(PROFILE, headlineRun) : headlineRun,
    );
    log(`headline, ${DURATION} s: ${describe(headline)}`);
    log(`  by ${WINDOW_SECONDS} s from its start, p99 / max ms: ${windows(headline)}`);
    if (PROFILE) log(summarise(PROFILE));
    if (FRAMEWORK_FLOOR) {
      const floor = await startFrameworkFloor();
      try {
        const floorPlan = (rate: number, seconds: number, run: string) => ({
          ...plan(rate, seconds, run),
          base: floor.base,
        });
        await openLoop(floorPlan(100, 5, 'floor-warm'));
        const measuredFloor = await measured(pg, floor.cpuMs, () =>
          openLoop(floorPlan(RATE, DURATION, 'floor')),
        );
        log(
          `framework floor, ${DURATION} s: ${describe(measuredFloor).replace(/, PostgreSQL -?[\d.]+ ms/, '')}`,
        );
        log(
          `API / framework floor, CPU per request: ${(headline.apiMs / measuredFloor.apiMs).toFixed(2)}× ` +
            `(${headline.apiMs.toFixed(2)} / ${measuredFloor.apiMs.toFixed(2)} ms)`,
        );
      } finally {
        await floor.close();
      }
    }
    let best = 0;
    for (const rate of RATES) {
      const result = await measured(pg, app.cpuMs, () => openLoop(plan(rate, STEP_SECONDS, `step-${rate}`)));
      log(`step, ${STEP_SECONDS} s: ${describe(result)}${sustained(result) ? '' : ' — over the limit'}`);
      if (!sustained(result)) break;
      best = rate;
    }
    if (RATES.length > 0)
      log(
        `highest rate with p99 ≤ ${P99_LIMIT_MS} ms and every answer 201: ${best || `below ${RATES[0]}`} req/s`,
      );
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM mentoring_sessions WHERE client_ref LIKE 'load-%'`,
    );
    log(`sessions stored by the load: ${rows[0].n}`);

    if (FLOOR_SECONDS > 0) {
      await pg.query(
        `CREATE TABLE floor_rows (id bigserial PRIMARY KEY, n int, at timestamptz DEFAULT now())`,
      );
      const floors = pgbenchFloors(world.mentors[0].assignmentIds[0], mentorUserId);
      log(`pgbench floors, ${POOL} clients, ${FLOOR_SECONDS} s: ${JSON.stringify(floors)} transactions/s`);
    }
    log(
      `load at the end ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${os.cpus().length} × ${os.cpus()[0]?.model}`,
    );
  } finally {
    await app.close();
    await pg.end();
    await clearRedisPrefix(BENCH_REDIS_URL, REDIS_PREFIX);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`single-session bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
