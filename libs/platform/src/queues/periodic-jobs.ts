import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { defaultJobOptions, PERIODIC_JOBS, QueueName } from './queues';

/** How often the worker checks that Redis still holds its schedules (a FLUSHALL, a restart). */
export const SCHEDULES_CHECK_EVERY_MS = 5_000;

type PeriodicJob = (typeof PERIODIC_JOBS)[number];

const periodicOpts = {
  ...defaultJobOptions,
  attempts: 3,
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 100 },
};

/**
 * The worker's safety nets (PERIODIC_JOBS) stay scheduled while Redis comes and goes: registered
 * at start (an upsert, so many workers share one schedule), registered again when a check finds
 * one missing (a new schedule runs at once), and run at once when the connection comes back,
 * since writes made while Redis was away could not enqueue their jobs.
 */
@Injectable()
export class PeriodicJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PeriodicJobs.name);
  private timer?: NodeJS.Timeout;
  private checking = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly moduleRef: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const periodic of PERIODIC_JOBS) await this.schedule(periodic);
    for (const name of new Set(PERIODIC_JOBS.map(({ queue }) => queue))) {
      const client = await this.queueOf(name).client;
      // 'ready' comes after every reconnection; the first one has passed by now.
      const onReady = () => void this.restore(name, 'redis is back');
      client.on('ready', onReady);
      this.unsubscribe.push(() => client.off('ready', onReady));
    }
    this.timer = setInterval(() => void this.check(), SCHEDULES_CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
  }

  /** Puts back every schedule Redis lost. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const periodic of PERIODIC_JOBS) {
        const id = schedulerId(periodic);
        if (await this.queueOf(periodic.queue).getJobScheduler(id)) continue;
        this.logger.warn(`schedule ${id} was missing from redis; registered again`);
        await this.schedule(periodic);
      }
    } catch (error) {
      // Redis is away: the reconnection brings the schedules back.
      this.logger.debug(`schedules not checked: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  private async restore(queue: QueueName, why: string): Promise<void> {
    try {
      for (const periodic of PERIODIC_JOBS.filter((p) => p.queue === queue)) {
        await this.schedule(periodic);
        await this.queueOf(queue).add(
          periodic.job,
          {},
          {
            ...periodicOpts,
            deduplication: { id: `${schedulerId(periodic)}-now` },
          },
        );
      }
      this.logger.log(`${why}: ${queue} safety nets scheduled and run now`);
    } catch (error) {
      this.logger.warn(`${queue} safety nets not restored (${why}): ${(error as Error).message}`);
    }
  }

  private async schedule(periodic: PeriodicJob): Promise<void> {
    await this.queueOf(periodic.queue).upsertJobScheduler(
      schedulerId(periodic),
      { every: periodic.everyMs },
      { name: periodic.job, data: {}, opts: periodicOpts },
    );
  }

  private queueOf(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function schedulerId({ queue, job }: PeriodicJob): string {
  return `${queue}-${job}`;
}
