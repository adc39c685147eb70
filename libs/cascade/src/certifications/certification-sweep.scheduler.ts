import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { defaultJobOptions, JobPayloads } from '@cascade/platform';

export const CERTIFICATION_SWEEP_SCHEDULER_ID = 'certification-sweep';
export const CERTIFICATION_SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Registers the certification safety net on worker start: BullMQ's job scheduler adds one
 * `sweep` every 10 minutes (upsert: many workers, one schedule), so an evaluation lost with
 * Redis is still made.
 */
@Injectable()
export class CertificationSweepScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue('certification') private readonly queue: Queue<JobPayloads['certification']['sweep']>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CERTIFICATION_SWEEP_SCHEDULER_ID,
      { every: CERTIFICATION_SWEEP_EVERY_MS },
      { name: 'sweep', data: {}, opts: { ...defaultJobOptions, removeOnComplete: { count: 100 } } },
    );
  }
}
