import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { defaultJobOptions, JobPayloads } from '@cascade/platform';

export const SWEEP_SCHEDULER_ID = 'stats-sweep';
export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Registers the safety net on worker start: BullMQ's job scheduler adds one `sweep` every 10
 * minutes (upsert: many workers, one schedule), so a lost job or a Redis that lost everything
 * still ends in a rollup.
 */
@Injectable()
export class StatsSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue('stats') private readonly queue: Queue<JobPayloads['stats']['sweep']>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: SWEEP_EVERY_MS },
      { name: 'sweep', data: {}, opts: { ...defaultJobOptions, removeOnComplete: { count: 100 } } },
    );
  }
}
