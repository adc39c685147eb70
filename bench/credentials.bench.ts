/**
 * npm run bench:credentials -- [--scales 1,100] [--budget 600] [--database URL]
 *
 * For each scale: regenerate the programme (scale 1 = 580 certified people, scale 100 = 58,000)
 * into its own database, all certified at once and none with a credential yet, then run the
 * credentials.issue job's work (CredentialIssuer.issuePending: status-list entries, an Open Badges
 * 3.0 document and an eddsa-rdfc-2022 Data Integrity proof each, stored in batches of 50) and
 * report credentials issued per second. A scale whose issue outlasts --budget seconds is
 * reported over what it issued by then. Results go to docs/BENCHMARKS.md "## Credentials".
 */
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { PlatformModule } from '../libs/platform/src';
import { ensureDatabase } from '../libs/platform/src/database/create-database';
import { CredentialIssuer, CredentialsCoreModule } from '../libs/credentials/src';
import { openDataSource, runGenerator } from './generator/run';

interface Args {
  scales: number[];
  budgetSeconds: number;
  database: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    scales: [1, 100],
    budgetSeconds: 600,
    database: 'postgres://postgres@127.0.0.1:5432/cascade_bench_credentials',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scales') args.scales = argv[++i].split(',').map(Number);
    else if (argv[i] === '--budget') args.budgetSeconds = Number(argv[++i]);
    else if (argv[i] === '--database') args.database = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

@Module({ imports: [PlatformModule, CredentialsCoreModule] })
class BenchModule {}

async function recreate(database: string): Promise<void> {
  const url = new URL(database);
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(database);
}

async function benchScale(scale: number, args: Args, log: (line: string) => void): Promise<string> {
  await recreate(args.database);
  const db = await openDataSource(args.database);
  const generated = await runGenerator(db, { databaseUrl: args.database, scale, demoUsers: false, log });
  const programmeId = generated.programmeId;
  const [{ certified }] = (await db.query(
    `SELECT count(*)::int AS certified FROM certifications WHERE programme_id = $1 AND revoked_on IS NULL`,
    [programmeId],
  )) as { certified: number }[];
  await db.query('VACUUM ANALYZE');
  Object.assign(process.env, {
    DATABASE_URL: args.database,
    REDIS_PREFIX: 'cascade-bench-credentials',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  const issued = async () =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM credentials WHERE programme_id = $1`, [
        programmeId,
      ])) as {
        n: number;
      }[]
    )[0].n;
  log(`scale ${scale}: ${certified.toLocaleString('en')} certified; issuing`);
  const started = Date.now();
  let finished = false;
  const run = app
    .get(CredentialIssuer)
    .issuePending(programmeId)
    .then(() => (finished = true));
  const deadline = started + args.budgetSeconds * 1000;
  while (!finished && Date.now() < deadline) {
    await Promise.race([run, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (!finished)
      log(`  ${(await issued()).toLocaleString('en')} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const seconds = (Date.now() - started) / 1000;
  const count = await issued();
  const rate = count / seconds;
  const note = finished ? 'all' : `stopped at the ${args.budgetSeconds} s budget`;
  return `| ${scale} | ${certified.toLocaleString('en')} | ${count.toLocaleString('en')} (${note}) | ${seconds.toFixed(1)} s | ${rate.toFixed(1)} /s | ${(certified / rate / 60).toFixed(1)} min |`;
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
    '\n| scale | certified at once | credentials issued | time | credentials/s | time for all (at that rate) |',
  );
  log('|---|---|---|---|---|---|');
  for (const row of rows) log(row);
  // A scale stopped at its budget leaves its issue running: end here rather than wait for it.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
