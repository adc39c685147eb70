import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  isLastAttempt,
  JobName,
  JobPayloads,
  queryRows,
  QueueProcessor,
  workerOptions,
} from '@cascade/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompletionsImporter, CompletionsImportResult } from '../completions/completions-importer.service';
import { RosterImporter, RosterResult } from '../roster/roster-importer.service';
import { ImportsSweep, SweepOutcome } from './imports-sweep.service';

type ImportsJob =
  | Job<JobPayloads['imports']['roster'], unknown, 'roster'>
  | Job<JobPayloads['imports']['sweep'], unknown, 'sweep'>;

/** The imports queue: an uploaded file (a roster or completions, by the import's kind), and the periodic sweep. */
@Processor('imports', workerOptions)
export class ImportsProcessor extends QueueProcessor<'imports'> {
  readonly queue = 'imports' as const;
  readonly handles: JobName<'imports'>[] = ['roster', 'sweep'];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly importer: RosterImporter,
    private readonly completions: CompletionsImporter,
    private readonly sweep: ImportsSweep,
  ) {
    super();
  }

  async process(job: Job): Promise<RosterResult | CompletionsImportResult | SweepOutcome> {
    const typed = job as ImportsJob;
    switch (typed.name) {
      case 'roster': {
        const lastAttempt = isLastAttempt(job);
        const [row] = await queryRows<{ kind: string }>(this.db, `SELECT kind FROM imports WHERE id = $1`, [
          typed.data.importId,
        ]);
        if (row?.kind === 'completions') return this.completions.run(typed.data.importId, lastAttempt);
        return this.importer.run(typed.data.importId, lastAttempt);
      }
      case 'sweep':
        return this.sweep.run();
      default:
        throw new Error(`imports: no handler for job ${job.name}`);
    }
  }
}
