import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { defaultJobOptions, PERIODIC_JOBS } from './queues';

/** The worker's start: registers every job of PERIODIC_JOBS (an upsert, so many workers share one schedule). */
@Injectable()
export class PeriodicJobs implements OnApplicationBootstrap {
  constructor(private readonly moduleRef: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { queue, job, everyMs } of PERIODIC_JOBS) {
      const carrier = this.moduleRef.get<Queue>(getQueueToken(queue), { strict: false });
      await carrier.upsertJobScheduler(
        `${queue}-${job}`,
        { every: everyMs },
        {
          name: job,
          data: {},
          opts: { ...defaultJobOptions, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      );
    }
  }
}
