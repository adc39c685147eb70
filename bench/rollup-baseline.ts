import { resolve } from 'path';
import { DataSource } from 'typeorm';

/** A rollup service; `full` is passed to every one (an older checkout's, which has only full rollups, ignores it). */
export type Rollups = { rollup(programmeId: string, options?: { full?: boolean }): Promise<unknown> };

/**
 * Another checkout's RollupService (its libs/stats/src/rollup is enough, e.g. `git archive main
 * libs/stats/src/rollup | tar -x -C DIR`), compiled by ts-node like this one, so two versions of
 * the rollup run on the same data in one process.
 */
export function baselineRollups(dir: string, db: DataSource): Rollups {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolve(dir, 'libs/stats/src/rollup/rollup.service.ts')) as {
    RollupService: new (db: DataSource) => Rollups;
  };
  return new loaded.RollupService(db);
}
