import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { isLastAttempt, JobHandlers, JobPayloads, QueueProcessor, workerOptions } from '@cascade/platform';
import { ReportGenerator } from './report-generator.service';
import { ReportsCleanup } from './reports-cleanup.service';

/** The exports queue: report files, and the periodic cleanup. Rules live in the services. */
@Processor('exports', workerOptions)
export class ReportsProcessor extends QueueProcessor<'exports'> {
  readonly queue = 'exports' as const;
  protected readonly handlers: JobHandlers<'exports'> = {
    report: (job) => this.report(job),
    cleanup: () => this.cleanup.run(),
  };

  constructor(
    private readonly generator: ReportGenerator,
    private readonly cleanup: ReportsCleanup,
  ) {
    super();
  }

  private report(job: Job<JobPayloads['exports']['report']>): Promise<unknown> {
    // The row's progress is what clients read; the job's is a courtesy that must not fail the export.
    return this.generator.generate(
      job.data.reportId,
      (percent) => job.updateProgress(percent).catch(() => undefined),
      { lastAttempt: isLastAttempt(job) },
    );
  }
}
