/**
 * Reports benchmark (not a test): the whole-programme cohort-roster export at 10 thousand,
 * 100 thousand and a million participants, in CSV and XLSX (PDF only at its 5,000-row limit),
 * each against its floor measured in the same run: PostgreSQL's `COPY (<the same roster query>)
 * TO STDOUT` through psql into /dev/null, with the server's jit setting and with jit off.
 *   npm run bench:reports
 * Env: BENCH_SIZES (10000,100000,1000000), BENCH_FORMATS (csv,xlsx,pdf), BENCH_RUNS (1: runs of
 * each size, alternating the floors and the exports; the tables give medians), BENCH_HEAP_MB (unset: V8's
 * default heap limit; e.g. 192 runs the export with --max-old-space-size=192), BENCH_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/cascade_bench_reports — created and migrated when missing;
 * programmes already generated are reused), BENCH_REPORTS_DIR (os tmpdir/cascade-bench-reports),
 * BENCH_PROFILE (a folder: each export's CPU profile is written there, node --cpu-prof, and summarised).
 * Each export runs in a child process under /usr/bin/time -v: its maximum resident set size is
 * the peak memory of a process that does nothing but that export.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import * as os from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { migrateDatabase } from '../libs/platform/src/database/create-database';
import { ROSTER_SQL } from '../libs/reports/src/content/roster.source';
import { PDF_ROW_LIMIT } from '../libs/reports/src/report-requests/report-kinds';
import { summarise } from './cpu-profile';
import { generateRosterProgramme } from './reports-fixtures';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_reports';
const REPORTS_DIR = process.env.BENCH_REPORTS_DIR ?? join(os.tmpdir(), 'cascade-bench-reports');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,xlsx,pdf').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
/** The export process's V8 old-space limit in MB (node --max-old-space-size); unset = V8's default. */
const HEAP_MB = process.env.BENCH_HEAP_MB;
const PROFILE_DIR = process.env.BENCH_PROFILE;
const log = (message: string) => process.stdout.write(`${message}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

interface ExportResult {
  rows: number;
  ms: number;
  baselineRss: number;
  peakRss: number;
  maxRssKb: number;
}

async function main(): Promise<void> {
  log(
    `reports bench: ${os.cpus().length} cores, ${mb(os.totalmem())} RAM, database ${DATABASE_URL}, heap limit ${HEAP_MB ? `${HEAP_MB} MB` : 'V8 default'}`,
  );
  await migrateDatabase(DATABASE_URL);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  const [{ id: userId }] = (
    await pg.query(`INSERT INTO users (email, password_hash, role) VALUES ('bench-reports@bench.local', 'x', 'admin')
                    ON CONFLICT ((lower(email))) DO UPDATE SET role = 'admin' RETURNING id`)
  ).rows;
  const results: string[] = [];
  const ratios: string[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const formats = FORMATS.filter((format) => format !== 'pdf');
  // A whole-programme PDF roster is refused above PDF_ROW_LIMIT rows, so PDF is measured at that limit.
  const plan: [number, string[], boolean][] = [
    ...(FORMATS.includes('pdf') ? [[PDF_ROW_LIMIT, ['pdf'], false] as [number, string[], boolean]] : []),
    ...SIZES.map((size): [number, string[], boolean] => [size, formats, true]),
  ];
  for (const [size, sizeFormats, withFloor] of plan) {
    const started = Date.now();
    const programmeId = await generateRosterProgramme(pg, size);
    log(`programme of ${size} participants ready (${Math.round((Date.now() - started) / 1000)} s)`);
    const floorSql = withFloor ? await rosterCopySql(pg, programmeId) : '';
    const times: Record<string, number[]> = { copy: [], copyNoJit: [] };
    for (let run = 1; run <= RUNS; run++) {
      if (withFloor) {
        times.copy.push(copyMs(floorSql, false));
        times.copyNoJit.push(copyMs(floorSql, true));
        log(
          `run ${run}: COPY ${seconds(times.copy.at(-1)!)}, COPY jit off ${seconds(times.copyNoJit.at(-1)!)}`,
        );
      }
      for (const format of sizeFormats) {
        const { rows } = await pg.query(
          `INSERT INTO report_requests (requested_by, programme_id, kind, format, language, params)
           VALUES ($1, $2, 'cohort-roster', $3, 'mn', '{}') RETURNING id`,
          [userId, programmeId, format],
        );
        const result = runExport(rows[0].id);
        if (PROFILE_DIR) log(summarise(join(PROFILE_DIR, `${rows[0].id}.cpuprofile`)));
        const [{ size_bytes: sizeBytes }] = (
          await pg.query(`SELECT size_bytes::bigint AS size_bytes FROM report_requests WHERE id = $1`, [
            rows[0].id,
          ])
        ).rows;
        (times[format] ??= []).push(result.ms);
        const line = `| ${size.toLocaleString('en')} | ${format} | ${result.rows.toLocaleString('en')} | ${(result.ms / 1000).toFixed(1)} s | ${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en')} | ${mb(result.peakRss)} | ${Math.round(result.maxRssKb / 1024)} MB | ${mb(result.baselineRss)} | ${mb(Number(sizeBytes))} |`;
        log(`run ${run}: ${line}`);
        results.push(line);
      }
    }
    if (!withFloor) continue;
    const copy = median(times.copy);
    const copyNoJit = median(times.copyNoJit);
    for (const format of sizeFormats) {
      const exported = median(times[format]);
      ratios.push(
        `| ${size.toLocaleString('en')} | ${format} | ${RUNS} | ${seconds(exported)} | ${seconds(copy)} | ${seconds(copyNoJit)} | ${(exported / copy).toFixed(2)}× | ${(exported / copyNoJit).toFixed(2)}× |`,
      );
    }
  }
  await pg.end();
  log(
    '\n| participants | format | rows | time | rows/s | peak RSS (sampled) | max RSS (/usr/bin/time) | RSS before export | file |',
  );
  log('|---|---|---|---|---|---|---|---|---|');
  for (const line of results) log(line);
  log(
    '\n| participants | format | runs | export (median) | COPY (median) | COPY jit off (median) | export / COPY | export / COPY jit off |',
  );
  log('|---|---|---|---|---|---|---|---|');
  for (const line of ratios) log(line);
}

/**
 * The floor's statement: `COPY (<the roster query of the whole programme, in mn>) TO STDOUT`, its
 * parameters written in as literals (the export's cursor gets a custom plan for the same values).
 */
async function rosterCopySql(pg: Client, programmeId: string): Promise<string> {
  const [{ core }] = (
    await pg.query<{ core: string[] }>(
      `SELECT core_course_ids::text[] AS core FROM programmes WHERE id = $1`,
      [programmeId],
    )
  ).rows;
  const literals = [
    `${pg.escapeLiteral(programmeId)}::uuid`,
    'NULL',
    'NULL',
    'NULL',
    `${pg.escapeLiteral('mn')}::text`,
    `${pg.escapeLiteral(`{${core.join(',')}}`)}::uuid[]`,
  ];
  const query = ROSTER_SQL.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]);
  return `COPY (${query}) TO STDOUT (FORMAT csv)`;
}

/** psql runs the COPY and writes its rows to /dev/null; the time includes psql's connection. */
function copyMs(copySql: string, jitOff: boolean): number {
  const started = performance.now();
  const result = spawnSync(
    'psql',
    [
      DATABASE_URL,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      ...(jitOff ? ['-c', 'SET jit = off'] : []),
      '-c',
      copySql,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`psql COPY exited with ${result.status}`);
  return ms;
}

/** The export in a child process under /usr/bin/time -v, whose report goes to a file of its own. */
function runExport(reportId: string): ExportResult {
  const timeFile = join(os.tmpdir(), `reports-bench-time-${reportId}.txt`);
  const args = [
    '-v',
    '-o',
    timeFile,
    process.execPath,
    '--expose-gc',
    ...(HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : []),
    ...(PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${reportId}.cpuprofile`]
      : []),
    '-r',
    './bench/reports-swc-register.js',
    '-r',
    'tsconfig-paths/register',
    'bench/reports-export.ts',
    reportId,
  ];
  const stdout = execFileSync('/usr/bin/time', args, {
    env: { ...process.env, DATABASE_URL, REPORTS_DIR, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const maxRssKb = Number(
    /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1] ?? 0,
  );
  rmSync(timeFile, { force: true });
  return { ...(JSON.parse(stdout.trim().split('\n').pop()!) as Omit<ExportResult, 'maxRssKb'>), maxRssKb };
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
