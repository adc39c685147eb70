import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  isLastAttempt,
  JobHandlers,
  JobPayloads,
  queryRows,
  QueueProcessor,
  workerOptions,
} from '@cascade/platform';
import { CompletionsImporter, CompletionsImportResult } from '../completions/completions-importer.service';
import { RosterImporter, RosterResult } from '../roster/roster-importer.service';
import { ImportsSweep } from './imports-sweep.service';

/** The imports queue: an uploaded file (a roster or completions, by the import's kind), and the periodic sweep. */
@Processor('imports', workerOptions)
export class ImportsProcessor extends QueueProcessor<'imports'> {
  readonly queue = 'imports' as const;
  protected readonly handlers: JobHandlers<'imports'> = {
    roster: (job) => this.importFile(job),
    sweep: () => this.sweep.run(),
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly importer: RosterImporter,
    private readonly completions: CompletionsImporter,
    private readonly sweep: ImportsSweep,
  ) {
    super();
  }

  private async importFile(
    job: Job<JobPayloads['imports']['roster']>,
  ): Promise<RosterResult | CompletionsImportResult> {
    const { importId } = job.data;
    const lastAttempt = isLastAttempt(job);
    const [row] = await queryRows<{ kind: string }>(this.db, `SELECT kind FROM imports WHERE id = $1`, [
      importId,
    ]);
    if (row?.kind === 'completions') return this.completions.run(importId, lastAttempt);
    return this.importer.run(importId, lastAttempt);
  }
}
