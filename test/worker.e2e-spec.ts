import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { PERIODIC_JOBS } from '@cascade/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { resetDatabase } from './support/database';

describe('the worker', () => {
  let worker: INestApplicationContext;
  beforeAll(async () => {
    await resetDatabase();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  });
  afterAll(() => worker.close());

  it('starts with a processor for every job and registers every periodic safety net once', async () => {
    for (const { queue, job, everyMs } of PERIODIC_JOBS) {
      const schedulers = await worker.get<Queue>(getQueueToken(queue), { strict: false }).getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: `${queue}-${job}`, name: job, every: everyMs }),
      ]);
    }
  });
});
