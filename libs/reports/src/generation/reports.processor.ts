import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobName, JobPayloads, QueueProcessor } from '@cascade/platform';
import { ReportGenerator } from './report-generator.service';
import { ReportsCleanup } from './reports-cleanup.service';

/** How often the cleanup runs: also how soon a lost report job is carried again. */
export const CLEANUP_EVERY_MS = 60_000;

type ExportsJob = Job<JobPayloads['exports'][JobName<'exports'>]>;

/** The exports queue: report files, and the periodic cleanup. Rules live in the services. */
@Processor('exports')
export class ReportsProcessor extends QueueProcessor<'exports'> {
  readonly queue = 'exports' as const;
  readonly handles: JobName<'exports'>[] = ['report', 'cleanup'];

  constructor(
    private readonly generator: ReportGenerator,
    private readonly cleanup: ReportsCleanup,
  ) {
    super();
  }

  async process(job: ExportsJob): Promise<unknown> {
    if (job.name === 'cleanup') return this.cleanup.run();
    const { reportId } = job.data as JobPayloads['exports']['report'];
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // The row's progress is what clients read; the job's is a courtesy that must not fail the export.
    return this.generator.generate(
      reportId,
      (percent) => job.updateProgress(percent).catch(() => undefined),
      { lastAttempt },
    );
  }
}

/** One scheduler for every worker: upserting it is idempotent. */
@Injectable()
export class ReportsCleanupSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsCleanupSchedule.name);

  constructor(@InjectQueue('exports') private readonly exports: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.exports.upsertJobScheduler(
        'exports-cleanup',
        { every: CLEANUP_EVERY_MS },
        { name: 'cleanup', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    } catch (error) {
      this.logger.warn(`exports cleanup not scheduled: ${(error as Error).message}`);
    }
  }
}
