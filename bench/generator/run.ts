import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import {
  createDemoUsers,
  ensureCoordinator,
  generateProgramme,
  GeneratedProgramme,
} from './generate-programme';

export const PROGRAMME_NAME = 'AI-Ready Educators: National Cascade 2024–2025';

export interface RunOptions {
  databaseUrl: string;
  scale: number;
  demoUsers: boolean;
  log: (line: string) => void;
}

export interface RunResult extends Partial<GeneratedProgramme> {
  programmeId: string;
  skipped: boolean;
  ms: number;
}

export function programmeName(scale: number): string {
  return scale === 1 ? PROGRAMME_NAME : `${PROGRAMME_NAME} (×${scale})`;
}

/** Migrates, then generates the programme in one transaction, unless one of that name exists. */
export async function runGenerator(db: DataSource, options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  await db.runMigrations({ transaction: 'each' });
  const name = programmeName(options.scale);
  const [existing] = (await db.query(`SELECT id FROM programmes WHERE name = $1`, [name])) as {
    id: string;
  }[];
  if (existing) return { programmeId: existing.id, skipped: true, ms: Date.now() - started };

  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const verifierId = await ensureCoordinator(runner, options.demoUsers);
      const generated = await generateProgramme(runner, {
        scale: options.scale,
        programmeName: name,
        verifierId,
        log: options.log,
      });
      if (options.demoUsers) await createDemoUsers(runner, generated.masterTeacherPersonId);
      await runner.commitTransaction();
      return { ...generated, skipped: false, ms: Date.now() - started };
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

export function openDataSource(databaseUrl: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions(databaseUrl, 2)).initialize();
}
