/**
 * npx ts-node -r tsconfig-paths/register --transpile-only bench/rollup-cpu.ts DATABASE_URL [--runs 10] [--baseline NAME=DIR …]
 *
 * On a busy machine wall time measures the queue for the cores as much as the work. This counts
 * the CPU time PostgreSQL's backend spends (utime + stime from /proc/<pid>/stat; the server must
 * be on this machine) per rollup of this checkout and of each baseline, alternating, and the
 * same for the two floors of bench/rollup-floors.ts. Medians of --runs (nanosecond CPU clock, bench/proc-cpu.ts).
 */
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { openDataSource } from './generator/run';
import { backendCpuMs } from './proc-cpu';
import { baselineRollups } from './rollup-baseline';
import { FAIR_FLOOR_SQL, FLOOR_SETTINGS_SQL, FLOOR_SQL } from './rollup-floors';
import { VACUUM_BETWEEN_ROLLUPS_SQL } from './rollup-runs';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** CPU ms of every backend connected to this database (the pool's connections). */
async function backendCpu(db: DataSource): Promise<number> {
  const rows = (await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  )) as { pid: number }[];
  return backendCpuMs(rows.map((r) => r.pid));
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const [url, ...rest] = process.argv.slice(2);
  let runs = 10;
  const contenders: { name: string; run: (db: DataSource, id: string) => Promise<unknown> }[] = [];
  const floor = (sql: string) => (db: DataSource, id: string) =>
    db.transaction(async (tx) => {
      await tx.query(FLOOR_SETTINGS_SQL);
      return tx.query(sql, [id]);
    });
  contenders.push(
    { name: 'floor', run: floor(FLOOR_SQL) },
    { name: 'fair floor', run: floor(FAIR_FLOOR_SQL) },
  );
  const baselines: { name: string; dir: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--runs') runs = Number(rest[++i]);
    else if (rest[i] === '--baseline') {
      const [name, dir] = rest[++i].split('=', 2);
      baselines.push({ name, dir });
    } else throw new Error(`unknown argument ${rest[i]}`);
  }
  const db = await openDataSource(url);
  // Each rollup on sessions of its own: what a rollup leaves in its session (temp_buffers, its
  // working sets, kept plans) must not help or hinder another's.
  const pools: DataSource[] = [];
  const ownPool = async () => {
    // Its sessions must live through the run (one closed in between made the CPU counted
    // negative): the pool keeps an idle connection for 30 minutes (dataSourceOptions).
    const pool = await openDataSource(url);
    pools.push(pool);
    return pool;
  };
  for (const b of baselines) {
    const rollups = baselineRollups(b.dir, await ownPool());
    contenders.push({ name: b.name, run: (_db, id) => rollups.rollup(id, { full: true }) });
  }
  const rollups = new RollupService(await ownPool());
  contenders.push({ name: 'this rollup', run: (_db, id) => rollups.rollup(id, { full: true }) });
  const [{ id }] = (await db.query(`SELECT id FROM programmes ORDER BY name LIMIT 1`)) as { id: string }[];
  const cpu = new Map<string, number[]>();
  const wall = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const c of contenders) {
      await db.query(VACUUM_BETWEEN_ROLLUPS_SQL);
      const before = await backendCpu(db);
      const started = Date.now();
      await c.run(db, id);
      wall.set(c.name, [...(wall.get(c.name) ?? []), Date.now() - started]);
      cpu.set(c.name, [...(cpu.get(c.name) ?? []), (await backendCpu(db)) - before]);
    }
  }
  const fair = median(cpu.get('fair floor') ?? [1]);
  for (const c of contenders) {
    const m = median(cpu.get(c.name) ?? []);
    const sum = (cpu.get(c.name) ?? []).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${c.name.padEnd(14)} cpu median ${m.toFixed(1).padStart(7)} ms, mean ${(sum / runs).toFixed(1).padStart(8)} ms ` +
        `(${(sum / runs / ((cpu.get('fair floor') ?? []).reduce((a, b) => a + b, 0) / runs)).toFixed(2)}× fair floor by mean, ` +
        `${(m / fair).toFixed(2)}× by median); wall median ${median(wall.get(c.name) ?? [])} ms\n`,
    );
  }
  await Promise.all([db, ...pools].map((pool) => pool.destroy()));
}

main().catch((error: Error) => {
  process.stderr.write(`rollup-cpu: ${error.message}\n`);
  process.exit(1);
});
