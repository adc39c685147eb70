import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { defaultJobOptions, JobPayloads } from '@cascade/platform';

/**
 * Carries a report request to the worker. The job id is derived from the request, so adding it
 * again while the job still exists adds nothing: the periodic cleanup can re-enqueue freely.
 */
@Injectable()
export class ReportQueue {
  private readonly logger = new Logger(ReportQueue.name);

  constructor(@InjectQueue('exports') private readonly exports: Queue<JobPayloads['exports']['report']>) {}

  /** Call after the request's transaction committed; a lost enqueue is found again by the cleanup. */
  async enqueue(reportId: string): Promise<void> {
    try {
      await this.exports.add('report', { reportId }, { ...defaultJobOptions, jobId: `report-${reportId}` });
    } catch (error) {
      this.logger.warn(`report ${reportId} not enqueued: ${(error as Error).message}`);
    }
  }
}
