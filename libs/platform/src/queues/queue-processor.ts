import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from './queues';

/**
 * A processor names the jobs it handles, so the worker can refuse to start when a job of
 * queues.ts has none.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  abstract readonly handles: JobName<Q>[];
  private readonly events = new Logger('Worker');
  private lastError?: string;

  abstract override process(job: Job<JobPayloads[Q][JobName<Q>]>): Promise<unknown>;

  /**
   * Without a listener BullMQ prints its errors (Redis gone, a job Redis lost while it ran) to
   * the console, outside the JSON log. The same error repeated while Redis is down is logged once.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.events.warn(`${this.queue} worker: ${error.message}`);
  }

  @OnWorkerEvent('completed')
  onJobCompleted(): void {
    this.lastError = undefined;
  }

  /** A failed attempt, with the error it failed with (the next attempt follows the backoff). */
  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    this.lastError = undefined;
    const attempt = job ? `${job.name} ${job.id} attempt ${job.attemptsMade}` : 'a job';
    this.events.warn(`${this.queue}: ${attempt} failed: ${error.message}`);
  }
}
