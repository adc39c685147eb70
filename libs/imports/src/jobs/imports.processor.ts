import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueProcessor, workerOptions } from '@cascade/platform';
import { RosterImporter, RosterResult } from '../roster/roster-importer.service';
import { ImportsSweep, SweepOutcome } from './imports-sweep.service';

type ImportsJob =
  | Job<JobPayloads['imports']['roster'], unknown, 'roster'>
  | Job<JobPayloads['imports']['sweep'], unknown, 'sweep'>;

/** The imports queue: rosters, and the periodic sweep. Rules live in the services. */
@Processor('imports', workerOptions)
export class ImportsProcessor extends QueueProcessor<'imports'> {
  readonly queue = 'imports' as const;
  readonly handles: JobName<'imports'>[] = ['roster', 'sweep'];

  constructor(
    private readonly importer: RosterImporter,
    private readonly sweep: ImportsSweep,
  ) {
    super();
  }

  async process(job: Job): Promise<RosterResult | SweepOutcome> {
    const typed = job as ImportsJob;
    switch (typed.name) {
      case 'roster': {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.importer.run(typed.data.importId, lastAttempt);
      }
      case 'sweep':
        return this.sweep.run();
      default:
        throw new Error(`imports: no handler for job ${job.name}`);
    }
  }
}
