import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ImportQueue } from '../imports/import-queue.service';
import { LOST_IMPORTS_SQL } from '../roster/import-claims.sql';

export interface SweepOutcome {
  requeued: string[];
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
    const rows: { id: string }[] = await this.db.query(LOST_IMPORTS_SQL);
    for (const { id } of rows) await this.queue.enqueue(id);
    if (rows.length > 0) this.logger.log(`imports: ${rows.length} re-enqueued`);
    return { requeued: rows.map((r) => r.id) };
  }
}
