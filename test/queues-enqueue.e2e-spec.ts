import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { enqueue, EnqueueError, enqueueAfterCommit, redisOptions } from '@cascade/platform';
import { RedisServer } from './support/services';

describe('enqueue', () => {
  let redis: RedisServer;
  let queue: Queue;
  beforeAll(async () => {
    redis = await RedisServer.start();
    queue = new Queue('stats', { connection: redisOptions(redis.url), prefix: 'enqueue-test' });
    queue.on('error', () => undefined);
  });
  afterAll(async () => {
    await queue.close().catch(() => undefined);
    await redis.stop();
  });

  function spyLogger(): Logger & { warned: string[]; debugged: string[] } {
    const logger = Object.assign(new Logger('test'), { warned: [] as string[], debugged: [] as string[] });
    logger.warn = (message: string) => void logger.warned.push(message);
    logger.debug = (message: string) => void logger.debugged.push(message);
    return logger;
  }

  it('refuses at once while Redis is down (the connection would wait for it), and adds again once it is back', async () => {
    await expect(enqueue(queue, 'rollup', { programmeId: 'a' }, {})).resolves.toHaveProperty('id');
    await redis.stop();
    await expect(enqueue(queue, 'rollup', { programmeId: 'b' }, {})).rejects.toThrow(EnqueueError);
    const logger = spyLogger();
    await expect(
      enqueueAfterCommit(logger, queue, 'rollup', { programmeId: 'c' }, {}),
    ).resolves.toBeUndefined();
    expect(logger.warned).toEqual([expect.stringMatching(/^stats\.rollup .* not enqueued: /)]);

    await redis.start();
    const client = await queue.client;
    await new Promise<void>((resolve) =>
      client.status === 'ready' ? resolve() : client.once('ready', resolve),
    );
    await expect(enqueue(queue, 'rollup', { programmeId: 'd' }, {})).resolves.toHaveProperty('id');
  }, 30_000);

  it('skips a closed queue quietly, as in a graceful shutdown', async () => {
    await queue.close();
    const logger = spyLogger();
    await expect(
      enqueueAfterCommit(logger, queue, 'rollup', { programmeId: 'e' }, {}),
    ).resolves.toBeUndefined();
    expect(logger.warned).toEqual([]);
    expect(logger.debugged).toEqual([expect.stringMatching(/the queue is closed/)]);
  });
});
