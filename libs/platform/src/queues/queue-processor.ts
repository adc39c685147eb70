import { WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from './queues';

/**
 * A processor names the jobs it handles, so the worker can refuse to start when a job of
 * queues.ts has none.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  abstract readonly handles: JobName<Q>[];

  abstract override process(job: Job<JobPayloads[Q][JobName<Q>]>): Promise<unknown>;
}
