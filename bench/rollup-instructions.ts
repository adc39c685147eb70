/**
 * npx ts-node -r tsconfig-paths/register --transpile-only bench/rollup-instructions.ts URL [--runs 3]
 *
 * The full rollup and the fair floor (bench/rollup-floors.ts) in instructions executed by
 * PostgreSQL's backend, statement by statement, on a server started by bench/callgrind-postgres.sh
 * (URL is what it prints). Instructions are not seconds, but they repeat within 0.2 % whatever
 * else the machine does, so a change worth 2 % shows where CPU time on a shared machine
 * (bench/rollup-cpu.ts) cannot tell it from noise. Run as bench/rollup-cpu.ts runs: VACUUM of the
 * snapshot tables before each rollup (what autovacuum does in production, which also makes the
 * kept plans of the statements reading them be planned again), after six rollups that let the
 * named statements settle on their plans (plan-reuse.ts); one backend for the rollup, another
 * for VACUUM and the floor.
 */
import { Logger } from '@nestjs/common';
import { readdirSync, readFileSync } from 'fs';
import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { FAIR_FLOOR_SQL, FLOOR_SETTINGS_SQL } from './rollup-floors';
import { statementLabel, VACUUM_BETWEEN_ROLLUPS_SQL } from './rollup-runs';

const MARK_SQL = `SELECT pg_sleep(0)`;
const WARM_UP_ROLLUPS = 6;
const dir = process.env.BENCH_CALLGRIND_DIR ?? '/tmp/cascade-callgrind';

/** Instructions in a backend's latest profile: what it executed since its previous mark. */
function sinceLastMark(pid: number): number {
  const dumps = readdirSync(dir)
    .filter((file) => file.startsWith(`cg.${pid}.`))
    .map((file) => Number(file.slice(`cg.${pid}.`.length)));
  if (!dumps.length)
    throw new Error(`no profile of backend ${pid} in ${dir}: is the server under callgrind?`);
  const text = readFileSync(`${dir}/cg.${pid}.${Math.max(...dumps)}`, 'utf8');
  return Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1]);
}

const millions = (n: number) => `${(n / 1e6).toFixed(1).padStart(9)} M`;

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const [url, ...rest] = process.argv.slice(2);
  const runs = rest.includes('--runs') ? Number(rest[rest.indexOf('--runs') + 1]) : 3;
  // One connection each, never closed for idling: a backend's marks must all land in its profiles.
  const open = () => {
    const options = dataSourceOptions(url, 1);
    return new DataSource({
      ...options,
      extra: { ...options.extra, idleTimeoutMillis: 0 },
    } as typeof options).initialize();
  };
  const rollupDb = await open();
  const otherDb = await open();
  const [{ id }] = (await rollupDb.query(`SELECT id FROM programmes ORDER BY name LIMIT 1`)) as {
    id: string;
  }[];
  const pidOf = async (db: DataSource) =>
    ((await db.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0].pid;
  const rollupPid = await pidOf(rollupDb);
  const otherPid = await pidOf(otherDb);

  // Each statement of the rollup is followed by a mark, once measuring starts.
  let measuring = false;
  const perStatement = new Map<string, number[]>();
  const createQueryRunner = rollupDb.createQueryRunner.bind(rollupDb);
  rollupDb.createQueryRunner = (): QueryRunner => {
    const runner = createQueryRunner();
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = (async (sql: string, ...args: unknown[]) => {
      try {
        return await query(sql, ...args);
      } finally {
        if (measuring) {
          await query(MARK_SQL);
          const key = statementLabel(sql);
          perStatement.set(key, [...(perStatement.get(key) ?? []), sinceLastMark(rollupPid)]);
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };

  const rollups = new RollupService(rollupDb);
  for (let run = 0; run < WARM_UP_ROLLUPS; run++) {
    await otherDb.query(VACUUM_BETWEEN_ROLLUPS_SQL);
    await rollups.rollup(id, { full: true });
  }
  // What a mark itself costs, taken off every statement's count.
  for (let i = 0; i < 3; i++) await rollupDb.query(MARK_SQL);
  const mark = sinceLastMark(rollupPid);
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    await otherDb.query(VACUUM_BETWEEN_ROLLUPS_SQL);
    await rollupDb.query(MARK_SQL);
    perStatement.clear();
    measuring = true;
    await rollups.rollup(id, { full: true });
    measuring = false;
    totals.push(
      [...perStatement.values()].reduce(
        (sum, counts) => sum + counts.reduce((a, b) => a + b, 0) - counts.length * mark,
        0,
      ),
    );
  }
  const lastRun = [...perStatement.entries()];

  const floor = () =>
    otherDb.transaction(async (tx) => {
      await tx.query(FLOOR_SETTINGS_SQL);
      return tx.query(FAIR_FLOOR_SQL, [id]);
    });
  await floor();
  await otherDb.query(MARK_SQL);
  const floors: number[] = [];
  for (let run = 0; run < runs; run++) {
    await floor();
    await otherDb.query(MARK_SQL);
    floors.push(sinceLastMark(otherPid) - mark);
  }

  for (const [key, counts] of lastRun) {
    process.stdout.write(`${millions(counts.reduce((a, b) => a + b, 0) - counts.length * mark)}  ${key}\n`);
  }
  const least = (values: number[]) => Math.min(...values);
  process.stdout.write(
    `${millions(least(totals))}  the rollup (runs: ${totals.map((n) => (n / 1e6).toFixed(1)).join(', ')} M)\n` +
      `${millions(least(floors))}  the fair floor (runs: ${floors.map((n) => (n / 1e6).toFixed(1)).join(', ')} M)\n` +
      `${(least(totals) / least(floors)).toFixed(2).padStart(11)}×  the rollup to the fair floor\n`,
  );
  await rollupDb.destroy();
  await otherDb.destroy();
}

main().catch((error: Error) => {
  process.stderr.write(`rollup-instructions: ${error.message}\n`);
  process.exit(1);
});
