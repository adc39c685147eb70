import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ImportQueue } from '../imports/import-queue.service';
import { EXHAUSTED_IMPORTS_SQL, IMPORT_RUNS } from '../roster/import-claims.sql';
import { queryRows } from '@cascade/platform';

export interface SweepOutcome {
  requeued: string[];
  /** Imports that used up their runs (IMPORT_RUNS.maxRuns): failed, with the reason, never carried again. */
  failed: string[];
}

/**
 * The imports' safety net: an import still queued a minute after its upload, or running with
 * a run that stopped beating, is carried again. An import whose job still waits is not added
 * twice (the queue de-duplicates by import). PostgreSQL owns the work: a Redis that lost
 * everything loses no import.
 */
@Injectable()
export class ImportsSweep {
  private readonly logger = new Logger(ImportsSweep.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: ImportQueue,
  ) {}

  async run(): Promise<SweepOutcome> {
    const failed = await queryRows<{ id: string }>(this.db, EXHAUSTED_IMPORTS_SQL);
    if (failed.length > 0) this.logger.warn(`imports: ${failed.length} failed after their last run`);
    const rows = await queryRows<{ id: string }>(this.db, IMPORT_RUNS.lostSql);
    for (const { id } of rows) await this.queue.enqueue(id);
    if (rows.length > 0) this.logger.log(`imports: ${rows.length} re-enqueued`);
    return { requeued: rows.map((r) => r.id), failed: failed.map((r) => r.id) };
  }
}
