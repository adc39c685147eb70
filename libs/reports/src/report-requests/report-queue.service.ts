import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { defaultJobOptions, enqueueAfterCommit, JobPayloads } from '@cascade/platform';

/**
 * Carries a report request to the worker. De-duplicated by request while its job waits or runs;
 * BullMQ frees the key when the job completes or fails for good, so the cleanup can carry the
 * request again with a job that runs (a fixed job id would stay taken by the failed job).
 */
@Injectable()
export class ReportQueue {
  private readonly logger = new Logger(ReportQueue.name);

  constructor(@InjectQueue('exports') private readonly exports: Queue<JobPayloads['exports']['report']>) {}

  /** Call after the request's transaction committed; a lost enqueue is found again by the cleanup. */
  async enqueue(reportId: string): Promise<void> {
    await enqueueAfterCommit(
      this.logger,
      this.exports,
      'report',
      { reportId },
      { ...defaultJobOptions, deduplication: { id: `report-${reportId}` } },
    );
  }
}
