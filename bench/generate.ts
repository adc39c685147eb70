/**
 * npm run generate -- --scale N [--database URL] [--demo-users] [--rollup]
 * npm run seed  (= --scale 1 --demo-users: the demo's programme, users and first figures)
 *
 * Builds one programme with the real one's proportions (22 master teachers, 38 institutions,
 * 2,054 participants, 1,698 completers, 580 certified, 509 AI adopters) times N, with bulk SQL.
 */
import { Logger } from '@nestjs/common';
import { loadConfig, redactUrl } from '../libs/platform/src/config/config';
import { RollupService } from '../libs/stats/src/rollup/rollup.service';
import { DEMO_PASSWORD } from './generator/generate-programme';
import { ensureDatabase } from '../libs/platform/src/database/create-database';
import { openDataSource, runGenerator } from './generator/run';

interface Args {
  scale: number;
  database: string;
  demoUsers: boolean;
  rollup: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 1, database: '', demoUsers: false, rollup: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') args.scale = Number(argv[++i]);
    else if (arg === '--database') args.database = argv[++i] ?? '';
    else if (arg === '--demo-users') args.demoUsers = true;
    else if (arg === '--rollup') args.rollup = true;
    else
      throw new Error(`unknown argument ${arg} (expected --scale N, --database URL, --demo-users, --rollup)`);
  }
  if (!Number.isInteger(args.scale) || args.scale < 1) throw new Error('--scale: a whole number ≥ 1');
  args.database ||= loadConfig().DATABASE_URL;
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`cascade generator: scale ${args.scale} into ${redactUrl(args.database)}`);
  await ensureDatabase(args.database);
  const db = await openDataSource(args.database);
  try {
    const result = await runGenerator(db, {
      databaseUrl: args.database,
      scale: args.scale,
      demoUsers: args.demoUsers,
      log,
    });
    if (result.skipped) {
      log(`programme already there (${result.programmeId}): nothing generated`);
      return;
    }
    log(`programme ${result.programmeId} generated in ${(result.ms / 1000).toFixed(1)} s`);
    if (args.demoUsers) {
      log(
        `demo users: coordinator@cascade.local, master@cascade.local, viewer@cascade.local (password ${DEMO_PASSWORD})`,
      );
    }
    if (args.demoUsers || args.rollup) {
      Logger.overrideLogger(['error', 'warn']);
      const rollup = await new RollupService(db).rollup(result.programmeId);
      log(`figures rolled up in ${rollup?.durationMs ?? 0} ms (computedAt ${rollup?.computedAt})`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`cascade generator: ${error.message}\n`);
  process.exit(1);
});
