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
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { ensureDatabase } from '../libs/platform/src/database/create-database';
import { openDataSource, runGenerator } from './generator/run';
import { baselineRollups } from './rollup-baseline';
import { FAIR_FLOOR_SQL, FLOOR_SETTINGS_SQL, FLOOR_SQL } from './rollup-floors';

interface Args {
  scales: number[];
  runs: number;
  database: string;
  baselines: { name: string; dir: string }[];
  reuse: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    scales: [1, 10, 100, 1000],
    runs: 5,
    database: 'postgres://postgres@127.0.0.1:5432/cascade_bench_rollup',
    baselines: [],
    reuse: false,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scales') args.scales = argv[++i].split(',').map(Number);
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--database') args.database = argv[++i];
    else if (argv[i] === '--reuse') args.reuse = true;
    else if (argv[i] === '--baseline') {
      const value = argv[++i];
      const [name, dir] = value.includes('=') ? value.split('=', 2) : ['baseline', value];
      args.baselines.push({ name, dir });
    } else throw new Error(`unknown argument ${argv[i]}`);
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

/** A floor: one read-only query in its own transaction, with the rollup's settings. */
async function timeFloor(
  db: DataSource,
  sql: string,
  programmeId: string,
): Promise<[number, Record<string, unknown>]> {
  const started = Date.now();
  const row = await db.transaction(async (tx) => {
    await tx.query(FLOOR_SETTINGS_SQL);
    const [result] = (await tx.query(sql, [programmeId])) as Record<string, unknown>[];
    return result;
  });
  return [Date.now() - started, row];
}

async function benchScale(scale: number, args: Args, log: (line: string) => void): Promise<string> {
  // --reuse: a database already generated at this scale (runGenerator skips an existing programme).
  const database = args.reuse ? args.database.replace(/\{scale\}/g, String(scale)) : args.database;
  if (!args.reuse) await recreate(database);
  const db = await openDataSource(database);
  try {
    log(`scale ${scale}: generating`);
    const generated = await runGenerator(db, { databaseUrl: database, scale, demoUsers: false, log });
    const analyzeStarted = Date.now();
    await db.query('VACUUM ANALYZE');
    const analyzeMs = Date.now() - analyzeStarted;
    const programmeId = generated.programmeId;
    const rollups = new RollupService(db);
    const baselines = args.baselines.map((b) => ({
      ...b,
      rollups: baselineRollups(b.dir, db),
      times: [] as number[],
    }));
    const floorTimes: number[] = [];
    const fairTimes: number[] = [];
    const rollupTimes: number[] = [];
    let floor: Record<string, unknown> = {};
    let fair: Record<string, unknown> = {};
    for (let run = 0; run < args.runs; run++) {
      let ms: number;
      [ms, floor] = await timeFloor(db, FLOOR_SQL, programmeId);
      floorTimes.push(ms);
      [ms, fair] = await timeFloor(db, FAIR_FLOOR_SQL, programmeId);
      fairTimes.push(ms);
      const line = [`floor ${floorTimes[run]} ms`, `fair floor ${fairTimes[run]} ms`];
      for (const b of baselines) {
        const started = Date.now();
        await b.rollups.rollup(programmeId, { full: true });
        b.times.push(Date.now() - started);
        line.push(`${b.name} ${b.times[run]} ms`);
      }
      const started = Date.now();
      await rollups.rollup(programmeId, { full: true });
      rollupTimes.push(Date.now() - started);
      line.push(`rollup ${rollupTimes[run]} ms`);
      log(`  run ${run + 1}: ${line.join(', ')}`);
    }
    const [{ scopes }] = await db.query(
      `SELECT count(*)::int AS scopes FROM stats_figures f JOIN stats_snapshots s ON s.id = f.snapshot_id
        WHERE s.programme_id = $1 AND s.id = (SELECT max(id) FROM stats_snapshots WHERE programme_id = $1)`,
      [programmeId],
    );
    const [{ size }] = await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const f = median(floorTimes);
    const ff = median(fairTimes);
    const r = median(rollupTimes);
    log(`scale ${scale}: floor ${JSON.stringify(floor)}`);
    log(`scale ${scale}: fair floor ${JSON.stringify(fair)}`);
    for (const b of baselines) {
      const m = median(b.times);
      log(
        `scale ${scale}: ${b.name} (median) ${m} ms, ${(m / f).toFixed(2)}× the floor, ${(m / ff).toFixed(2)}× the fair floor`,
      );
    }
    const generatedIn = generated.skipped ? 'reused' : `${(generated.ms / 1000).toFixed(1)} s`;
    return `| ${scale} | ${Number(floor.participants).toLocaleString('en')} | ${scopes.toLocaleString('en')} | ${generatedIn} | ${size} | ${f} ms | ${ff} ms | ${r} ms | ${(r / f).toFixed(2)}× | ${(r / ff).toFixed(2)}× |  (analyze ${analyzeMs} ms)`;
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
  log(
    '\n| scale | participants | scopes | generate | database | floor | fair floor | rollup | rollup / floor | rollup / fair floor |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) log(row);
}

main().catch((error: Error) => {
  process.stderr.write(`bench:rollup: ${error.message}\n`);
  process.exit(1);
});
