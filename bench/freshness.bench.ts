/**
 * Freshness after one write (issue 19 goal 1: ≤ 1 s at scale 100, ≤ 3 s at scale 1000), not a test.
 *   npm run build && npm run generate -- --scale 10 --database $BENCH_DATABASE_URL --rollup
 *   npm run bench:freshness
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_freshness, generated as
 * above; the bench writes into it), BENCH_WRITES (20 of each kind), BENCH_PORT (3915),
 * BENCH_POLL_MS (25), BENCH_BACKLOG (drain, pause or keep: see drainCredentials), BENCH_QUIET_SECONDS
 * (0): how long the system stays idle before each timed write — a write that comes alone, as most
 * do outside a training day, where back-to-back writes keep every connection busy.
 *
 * Runs the built API and worker (dist/apps/{api,worker}/main.js, their own Redis prefix) and, as
 * a coordinator of its own, makes BENCH_WRITES writes of each kind through the HTTP API, one at a time:
 *   - enrolment: a new person (created first, untimed) enrolled into a cohort with a free place;
 *   - completion that certifies: the last core course of someone whose other core scores average
 *     at least the pass mark, scored 100 (the certification job issues the certificate after it);
 *   - AI evidence: recorded first (untimed; unverified evidence counts for nothing), the
 *     verification is the timed write, for a completer with no verified evidence yet;
 *   - mentoring session: one session on an active assignment.
 * Before each write the figures are settled (GET stats answers stale: false: no dirty mark the
 * latest snapshot lacks). The time runs from the write's response until GET
 * /programmes/:id/stats, polled every BENCH_POLL_MS, shows the kind's programme figure exactly one
 * above its value before the write — participants, certified, aiAdopters, mentoringSessions.
 * That is the figure the write exists to move, so for a certifying completion the time includes
 * the certificate, not just the completion (completers moves one rollup earlier).
 * Per write it also reads the snapshot that first showed it: "wait" is from the response to that
 * snapshot's computed_at (its transaction's start: queueing, the trigger's gathering, a rollup
 * already running, the certification job), "rollup" its duration_ms, "rest" what remains (commit,
 * the poll's period, the GET). Rollups are counted by programme_figures_state.rollups:
 * per write, those started between the write and its freshness ("fresh after 1 / 2+ rollups"), and
 * all of the kind's, its untimed preparations' and any trailing follow-up rollups included.
 */
import * as os from 'os';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import * as argon2 from 'argon2';
import { spawnBuiltApp, waitForHealthyApi } from './built-app';
import { BENCH_PASSWORD, BENCH_REDIS_URL, clearRedisPrefix } from './mentoring-fixtures';
import { Api, Figure, writeKinds } from './freshness-writes';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_freshness';
const WRITES = Number(process.env.BENCH_WRITES ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3915);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 25);
const QUIET_MS = Number(process.env.BENCH_QUIET_SECONDS ?? 0) * 1000;
const REDIS_PREFIX = 'cascade-bench-freshness';
const COORDINATOR = 'freshness-bench@bench.local';
const BASE = `http://127.0.0.1:${PORT}`;
const SETTLE_TIMEOUT_MS = 600_000;
const log = (message: string) => process.stdout.write(`${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const APP_ENV = { DATABASE_URL, PORT, REDIS_PREFIX };

/** The bench's own coordinator, (re)set to BENCH_PASSWORD, so any generated database will do. */
async function signIn(pg: Client): Promise<Api> {
  await pg.query(
    `INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'coordinator')
     ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'coordinator'`,
    [COORDINATOR, await argon2.hash(BENCH_PASSWORD)],
  );
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR, password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`bench coordinator login: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method, path, body) => {
    const response = await fetch(`${BASE}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

type Figures = Record<Figure, number> & { stale: boolean };

/** Waits until the figures include every committed write (no dirty mark pending). */
async function settled(api: Api, programmeId: string): Promise<Figures> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // A programme generated without --rollup answers 404 until its first (full) rollup commits.
    const figures = (await api('GET', `/programmes/${programmeId}/stats`).catch((error: Error) => {
      if (/: 404 /.test(error.message)) return { stale: true };
      throw error;
    })) as unknown as Figures;
    if (!figures.stale) return figures;
    await sleep(POLL_MS);
  }
  throw new Error('the figures did not settle within 10 minutes');
}

/**
 * The generator certifies thousands at once, and the worker signs their credentials for minutes
 * (33,000 pending at scale 100: a quarter of an hour on this machine). The bench measures the
 * steady state, where each certificate's credential is signed as it is issued: BENCH_BACKLOG=drain
 * (the default) waits for that backlog first (once per database); pause holds the credentials
 * queue for the run instead (scale 1000's backlog would take hours: no figure waits for a
 * credential, only the cores are shared); keep measures with the backlog signing beside.
 */
const BACKLOG = process.env.BENCH_BACKLOG ?? 'drain';

async function drainCredentials(pg: Client): Promise<void> {
  if (BACKLOG !== 'drain') return;
  const pending = async () =>
    Number(
      (
        await pg.query(`SELECT count(*) AS n FROM certifications ce
                         WHERE ce.revoked_on IS NULL
                           AND NOT EXISTS (SELECT 1 FROM credentials cr WHERE cr.certification_id = ce.id)`)
      ).rows[0].n,
    );
  for (let left = await pending(), logged = 0; left > 0; left = await pending()) {
    if (Date.now() - logged > 30_000) {
      log(`  waiting for the credentials backlog: ${left} to sign`);
      logged = Date.now();
    }
    await sleep(2_000);
  }
}

/** BENCH_BACKLOG=pause: the credentials queue held before the worker starts (the queue's own flag in Redis). */
async function pauseCredentials(): Promise<void> {
  if (BACKLOG !== 'pause') return;
  const connection = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('credentials', { connection, prefix: REDIS_PREFIX });
  await queue.pause();
  await queue.close();
  connection.disconnect();
}

interface Timing {
  fresh: number;
  wait: number;
  rollup: number;
  rest: number;
  rollups: number;
}

const nearestRank = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * values.length) - 1)];

async function main(): Promise<void> {
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  const [programme] = (
    await pg.query<{ id: string; participants: number }>(
      `SELECT p.id, count(DISTINCT e.person_id)::int AS participants
         FROM programmes p JOIN cohorts c ON c.programme_id = p.id JOIN enrolments e ON e.cohort_id = c.id
        GROUP BY p.id ORDER BY participants DESC LIMIT 1`,
    )
  ).rows;
  if (!programme)
    throw new Error(`no programme in ${DATABASE_URL}: run the generator first (see the header)`);
  const snapshotsMade = async () =>
    Number(
      (
        await pg.query(
          `SELECT coalesce(max(rollups), 0) AS n FROM programme_figures_state WHERE programme_id = $1`,
          [programme.id],
        )
      ).rows[0].n,
    );
  // Fresh statistics and no dead rows, as autovacuum keeps a production database (this machine's runs without).
  await pg.query('VACUUM ANALYZE');
  const runId = Date.now().toString(36);
  const kinds = await writeKinds(pg, programme.id, WRITES, runId);
  log(
    `freshness bench: ${os.cpus().length} cores, load ${load()}, programme of ${programme.participants} participants, ${WRITES} writes of each kind, polled every ${POLL_MS} ms, ${QUIET_MS / 1000} s quiet before each, credentials backlog: ${BACKLOG}`,
  );

  await clearRedisPrefix(undefined, REDIS_PREFIX);
  await pauseCredentials();
  const worker = spawnBuiltApp('worker', APP_ENV, ['--max-old-space-size=256']);
  const apiProcess = spawnBuiltApp('api', APP_ENV);
  try {
    await waitForHealthyApi(apiProcess, BASE);
    const api = await signIn(pg);
    await drainCredentials(pg);
    await api('POST', `/programmes/${programme.id}/stats/refresh`);
    await settled(api, programme.id);
    const results: {
      kind: string;
      timings: Timing[];
      made: number;
      loadBefore: string;
      loadAfter: string;
    }[] = [];
    for (const kind of kinds) {
      const loadBefore = load();
      const madeBefore = await snapshotsMade();
      const timings: Timing[] = [];
      for (let n = 0; n < WRITES; n++) {
        const prepared = await kind.prepare(api, n);
        const before = await settled(api, programme.id);
        const rolledBefore = await snapshotsMade();
        await sleep(QUIET_MS);
        await kind.write(api, prepared, n);
        const written = Date.now();
        for (;;) {
          const figures = (await api('GET', `/programmes/${programme.id}/stats`)) as unknown as Figures;
          if (figures[kind.figure] > before[kind.figure] + 1)
            throw new Error(`${kind.name} ${n}: ${kind.figure} moved by more than one (another writer?)`);
          if (figures[kind.figure] === before[kind.figure] + 1) break;
          if (Date.now() - written > SETTLE_TIMEOUT_MS)
            throw new Error(`${kind.name} ${n}: not fresh in 10 minutes`);
          await sleep(POLL_MS);
        }
        const fresh = Date.now() - written;
        const [shown] = (
          await pg.query<{ at: Date; duration: number }>(
            `SELECT computed_at AS at, duration_ms AS duration FROM stats_snapshots
              WHERE programme_id = $1 ORDER BY computed_at DESC, id DESC LIMIT 1`,
            [programme.id],
          )
        ).rows;
        const wait = shown.at.getTime() - written;
        timings.push({
          fresh,
          wait,
          rollup: shown.duration,
          rest: fresh - wait - shown.duration,
          rollups: (await snapshotsMade()) - rolledBefore,
        });
        log(
          `  ${kind.name} ${n + 1}: fresh after ${fresh} ms (wait ${wait}, rollup ${shown.duration}), ${timings[n].rollups} rollup(s), load ${os.loadavg()[0].toFixed(1)}`,
        );
      }
      results.push({
        kind: kind.name,
        timings,
        made: (await snapshotsMade()) - madeBefore,
        loadBefore,
        loadAfter: load(),
      });
    }
    log(`\nfresh figures after one write, ms (${WRITES} writes each; wait/rollup/rest are medians):`);
    log(
      'kind                        median    p95    max   wait rollup   rest  fresh after 1 / 2+ rollups  rollups in all  load before → after',
    );
    for (const { kind, timings, made, loadBefore, loadAfter } of results) {
      const of = (key: keyof Timing, p = 0.5) =>
        nearestRank(
          timings.map((t) => t[key]),
          p,
        );
      const cells = [of('fresh'), of('fresh', 0.95), of('fresh', 1), of('wait'), of('rollup'), of('rest')];
      log(
        `${kind.padEnd(26)} ${cells.map((c) => String(c).padStart(6)).join(' ')}  ${`${timings.filter((t) => t.rollups <= 1).length} / ${timings.filter((t) => t.rollups > 1).length}`.padStart(26)}  ${String(made).padStart(14)}  ${loadBefore} → ${loadAfter}`,
      );
    }
  } finally {
    apiProcess.kill('SIGTERM');
    worker.kill('SIGTERM');
    await pg.end();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
