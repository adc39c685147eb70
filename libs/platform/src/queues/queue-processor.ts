import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from './queues';

/** One handler a job name of the queue, each given its job typed by its payload. */
export type JobHandlers<Q extends QueueName> = {
  [J in JobName<Q>]: (job: Job<JobPayloads[Q][J], unknown, J>) => Promise<unknown>;
};

/**
 * A processor hands each job to the handler of its name; the names it handles let the worker
 * refuse to start when a job of queues.ts has none.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;
  private readonly events = new Logger('Worker');
  private lastError?: string;

  get handles(): JobName<Q>[] {
    return Object.keys(this.handlers) as JobName<Q>[];
  }

  override async process(job: Job): Promise<unknown> {
    const handler = (
      this.handlers as unknown as Record<string, ((job: Job) => Promise<unknown>) | undefined>
    )[job.name];
    if (!handler) throw new Error(`${this.queue}: no handler for job ${job.name}`);
    return handler(job);
  }

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
