/**
 * npm run bench:rollup -- [--scales 1,10,100,1000] [--runs 5] [--database URL] [--baseline DIR]
 *
 * For each scale: regenerate the programme into its own database (cascade_bench_rollup), then
 * time the full rollup (every scope, one snapshot) beside the floor — one hand-written query
 * counting the programme's participants, completers and certified over the same tables — and
 * report medians and the ratio. Results go to docs/BENCHMARKS.md "## Rollup".
 *
 * --baseline DIR: also time the rollup of another checkout (e.g. a `git worktree` of main), on the
 * same database, alternating floor → baseline → this code in every run, so a comparison on a busy
 * machine sees the same load and the same data.
 */
import { Logger } from '@nestjs/common';
import { resolve } from 'path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { ensureDatabase } from '../libs/platform/src/database/create-database';
import { openDataSource, runGenerator } from './generator/run';

const FLOOR_SQL = `
  WITH core AS (SELECT core_course_ids AS ids FROM programmes WHERE id = $1),
  enrolled AS (
    SELECT e.id, e.person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1
  ),
  completers AS (
    SELECT en.person_id FROM enrolled en JOIN course_completions cc ON cc.enrolment_id = en.id
     WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])
     GROUP BY en.person_id HAVING count(DISTINCT cc.course_id) = (SELECT cardinality(ids) FROM core)
  )
  SELECT (SELECT count(DISTINCT person_id) FROM enrolled) AS participants,
         (SELECT count(*) FROM completers) AS completers,
         (SELECT count(DISTINCT person_id) FROM certifications
           WHERE programme_id = $1 AND revoked_on IS NULL AND person_id IN (SELECT person_id FROM enrolled)) AS certified`;

interface Args {
  scales: number[];
  runs: number;
  database: string;
  baseline?: string;
}

type Rollups = { rollup(programmeId: string): Promise<unknown> };

/** The other checkout's RollupService, compiled by ts-node like this one. */
function baselineRollups(dir: string, db: DataSource): Rollups {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolve(dir, 'libs/stats/src/rollup/rollup.service.ts')) as {
    RollupService: new (db: DataSource) => Rollups;
  };
  return new loaded.RollupService(db);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    scales: [1, 10, 100, 1000],
    runs: 5,
    database: 'postgres://postgres@127.0.0.1:5432/cascade_bench_rollup',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scales') args.scales = argv[++i].split(',').map(Number);
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--database') args.database = argv[++i];
    else if (argv[i] === '--baseline') args.baseline = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function recreate(database: string): Promise<void> {
  const url = new URL(database);
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}"`);
  await admin.end();
  await ensureDatabase(database);
}

async function benchScale(scale: number, args: Args, log: (line: string) => void): Promise<string> {
  await recreate(args.database);
  const db = await openDataSource(args.database);
  try {
    log(`scale ${scale}: generating`);
    const generated = await runGenerator(db, { databaseUrl: args.database, scale, demoUsers: false, log });
    const analyzeStarted = Date.now();
    await db.query('VACUUM ANALYZE');
    const analyzeMs = Date.now() - analyzeStarted;
    const programmeId = generated.programmeId;
    const rollups = new RollupService(db);
    const baseline = args.baseline ? baselineRollups(args.baseline, db) : undefined;
    const floorTimes: number[] = [];
    const rollupTimes: number[] = [];
    const baselineTimes: number[] = [];
    let floor: Record<string, string> = {};
    for (let run = 0; run < args.runs; run++) {
      let started = Date.now();
      // The floor gets the rollup's work_mem, so the comparison is of work, not of settings.
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL work_mem = '256MB'`);
        [floor] = await tx.query(FLOOR_SQL, [programmeId]);
      });
      floorTimes.push(Date.now() - started);
      if (baseline) {
        started = Date.now();
        await baseline.rollup(programmeId);
        baselineTimes.push(Date.now() - started);
      }
      started = Date.now();
      await rollups.rollup(programmeId);
      rollupTimes.push(Date.now() - started);
      const base = baseline ? `, baseline ${baselineTimes[run]} ms` : '';
      log(`  run ${run + 1}: floor ${floorTimes[run]} ms${base}, rollup ${rollupTimes[run]} ms`);
    }
    const [{ scopes }] = await db.query(
      `SELECT count(*)::int AS scopes FROM stats_figures f JOIN stats_snapshots s ON s.id = f.snapshot_id
        WHERE s.programme_id = $1 AND s.id = (SELECT max(id) FROM stats_snapshots WHERE programme_id = $1)`,
      [programmeId],
    );
    const [{ size }] = await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const f = median(floorTimes);
    const r = median(rollupTimes);
    log(`scale ${scale}: floor ${JSON.stringify(floor)}`);
    if (baseline) {
      const b = median(baselineTimes);
      log(`scale ${scale}: baseline (median) ${b} ms, ${(b / f).toFixed(2)}× the floor`);
    }
    return `| ${scale} | ${Number(floor.participants).toLocaleString('en')} | ${scopes.toLocaleString('en')} | ${(generated.ms / 1000).toFixed(1)} s | ${size} | ${f} ms | ${r} ms | ${(r / f).toFixed(2)}× |  (analyze ${analyzeMs} ms)`;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const rows: string[] = [];
  for (const scale of args.scales) {
    rows.push(await benchScale(scale, args, log));
    log(rows[rows.length - 1]);
  }
  log('\n| scale | participants | scopes | generate | database | floor (median) | rollup (median) | ratio |');
  log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) log(row);
}

main().catch((error: Error) => {
  process.stderr.write(`bench:rollup: ${error.message}\n`);
  process.exit(1);
});
