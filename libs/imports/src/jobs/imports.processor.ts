import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobName, JobPayloads, QueueProcessor } from '@cascade/platform';
import { RosterImporter, RosterResult } from '../roster/roster-importer.service';
import { ImportsSweep, SweepOutcome } from './imports-sweep.service';

/** How often the safety net runs: also how soon a lost import is carried again. */
export const SWEEP_EVERY_MS = 60_000;

type ImportsJob =
  | Job<JobPayloads['imports']['roster'], unknown, 'roster'>
  | Job<JobPayloads['imports']['sweep'], unknown, 'sweep'>;

/** The imports queue: rosters, and the periodic sweep. Rules live in the services. */
@Processor('imports')
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

/** One schedule for every worker: upserting it is idempotent. */
@Injectable()
export class ImportsSweepSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsSweepSchedule.name);

  constructor(@InjectQueue('imports') private readonly imports: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.imports.upsertJobScheduler(
        'imports-sweep',
        { every: SWEEP_EVERY_MS },
        { name: 'sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (error) {
      this.logger.warn(`imports sweep not scheduled: ${(error as Error).message}`);
    }
  }
}
