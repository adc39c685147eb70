import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { isLastAttempt, JobName, JobPayloads, QueueProcessor, workerOptions } from '@cascade/platform';
import { ReportGenerator } from './report-generator.service';
import { ReportsCleanup } from './reports-cleanup.service';

type ExportsJob = Job<JobPayloads['exports'][JobName<'exports'>]>;

/** The exports queue: report files, and the periodic cleanup. Rules live in the services. */
@Processor('exports', workerOptions)
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
    const lastAttempt = isLastAttempt(job);
    // The row's progress is what clients read; the job's is a courtesy that must not fail the export.
    return this.generator.generate(
      reportId,
      (percent) => job.updateProgress(percent).catch(() => undefined),
      { lastAttempt },
    );
  }
}
