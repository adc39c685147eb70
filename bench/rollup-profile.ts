/**
 * npx ts-node -r tsconfig-paths/register --transpile-only bench/rollup-profile.ts DATABASE_URL [--runs 5] [--explain] [--planning] [--service DIR] [--incremental]
 *
 * Times the rollup statement by statement on an already generated database, through the real
 * RollupService with its runner's query wrapped, so the statements and their order are the
 * service's own, with the backend's CPU time of each. --explain prints each statement's plan (auto_explain, ANALYZE and BUFFERS) as
 * notices; --planning
 * also plans each statement alone first (EXPLAIN SUMMARY) and prints its planning time.
 * Medians per statement over the runs. --incremental: before each run a new person is enrolled in
 * a cohort with a free place (written in SQL, so the figures triggers mark them), and the rollup
 * is the incremental one that write is due (the database must have a snapshot: generate with --rollup).
 */
import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { openDataSource } from './generator/run';
import { backendCpuMs } from './proc-cpu';
import { COHORTS_WITH_ROOM_SQL } from './freshness-writes';
import { baselineRollups, Rollups } from './rollup-baseline';
import { statementLabel, VACUUM_BETWEEN_ROLLUPS_SQL } from './rollup-runs';

/** A new person ($2, the run's) at the institution ($3) enrolled in the cohort ($1). */
const ENROL_NEW_PERSON_SQL = `
  WITH person AS (
    INSERT INTO people (full_name, email, institution_id)
    VALUES ('Profile ' || $2, 'profile-' || $2 || '@bench.local', $3)
    RETURNING id
  )
  INSERT INTO enrolments (cohort_id, person_id) SELECT $1, id FROM person`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const [url, ...rest] = process.argv.slice(2);
  const runs = rest.includes('--runs') ? Number(rest[rest.indexOf('--runs') + 1]) : 5;
  const explain = rest.includes('--explain');
  const planning = rest.includes('--planning');
  const incremental = rest.includes('--incremental');
  const plans = new Map<string, number[]>();
  const db: DataSource = await openDataSource(url);
  const [{ id }] = (await db.query(`SELECT id FROM programmes ORDER BY name LIMIT 1`)) as { id: string }[];
  const times = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const createQueryRunner = db.createQueryRunner.bind(db);
  const timedClients = new WeakSet<object>();
  db.createQueryRunner = (): QueryRunner => {
    const runner = createQueryRunner();
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    let prepared = false;
    let pid = 0;
    // The rollup's kept plans go to the connection as named statements (preparedRows), not through
    // runner.query: its client's query is timed too, once per pooled client (each rollup's runner
    // gets one of the same clients again).
    const connect = runner.connect.bind(runner);
    runner.connect = (async () => {
      const client = (await connect()) as { query: (...args: unknown[]) => Promise<unknown> };
      if (!timedClients.has(client)) {
        timedClients.add(client);
        const clientQuery = client.query.bind(client);
        client.query = (...args: unknown[]) => {
          const config = args[0] as { name?: string; text: string } | string;
          if (typeof config === 'string' || !config.name) return clientQuery(...args);
          return timed(config.text, () => clientQuery(...args));
        };
      }
      return client;
    }) as QueryRunner['connect'];
    const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
      const started = process.hrtime.bigint();
      const cpuBefore = backendCpuMs([pid]);
      try {
        return await run();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const key = statementLabel(sql);
        times.set(key, [...(times.get(key) ?? []), ms]);
        cpu.set(key, [...(cpu.get(key) ?? []), backendCpuMs([pid]) - cpuBefore]);
      }
    };
    runner.query = (async (sql: string, ...args: unknown[]) => {
      if (!pid) [{ pid }] = (await query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      if (explain && !prepared) {
        prepared = true;
        const client = (await runner.connect()) as {
          on(event: string, cb: (m: { message: string }) => void): void;
        };
        client.on('notice', (m) => process.stdout.write(`${m.message}\n`));
        await query(`LOAD 'auto_explain'`);
        await query(`SET auto_explain.log_min_duration = 0`);
        await query(`SET auto_explain.log_analyze = on`);
        await query(`SET auto_explain.log_buffers = on`);
        await query(`SET auto_explain.log_triggers = on`);
        await query(`SET auto_explain.log_level = notice`);
      }
      if (planning && /^\s*(CREATE TEMP|INSERT INTO rollup_|WITH)/.test(sql)) {
        const [{ 'QUERY PLAN': plan }] = (await query(`EXPLAIN (SUMMARY, FORMAT JSON) ${sql}`, args[0])) as {
          'QUERY PLAN': { 'Planning Time': number }[];
        }[];
        plans.set(statementLabel(sql), [...(plans.get(statementLabel(sql)) ?? []), plan[0]['Planning Time']]);
      }
      return timed(sql, () => query(sql, ...args));
    }) as QueryRunner['query'];
    return runner;
  };
  // --service DIR: profile another checkout's RollupService (e.g. a baseline) instead.
  const dir = rest.includes('--service') ? rest[rest.indexOf('--service') + 1] : undefined;
  const rollups: Rollups = dir ? baselineRollups(dir, db) : new RollupService(db);
  const totals: number[] = [];
  const cohorts = incremental
    ? ((await db.query(COHORTS_WITH_ROOM_SQL, [id, runs])) as { cohortId: string; institutionId: string }[])
    : [];
  for (let run = 0; run < runs; run++) {
    await db.query(VACUUM_BETWEEN_ROLLUPS_SQL);
    if (incremental) {
      const { cohortId, institutionId } = cohorts[run % cohorts.length];
      await db.query(ENROL_NEW_PERSON_SQL, [cohortId, `${Date.now()}-${run}`, institutionId]);
    }
    const started = Date.now();
    await rollups.rollup(id, { full: !incremental });
    totals.push(Date.now() - started);
  }
  for (const [key, values] of times) {
    const plan = plans.get(key);
    const planned = plan ? ` (planning ${median(plan).toFixed(1)} ms)` : '';
    const spent = cpu.get(key) ?? [];
    process.stdout.write(
      `${median(values).toFixed(1).padStart(9)} ms  (backend CPU ${median(spent).toFixed(1).padStart(7)} ms)  ${key}${planned}\n`,
    );
  }
  process.stdout.write(
    `${median(totals).toFixed(0).padStart(9)} ms  total (median of ${runs}: ${totals.join(', ')})\n`,
  );
  await db.destroy();
}

main().catch((error: Error) => {
  process.stderr.write(`rollup-profile: ${error.message}\n`);
  process.exit(1);
});
