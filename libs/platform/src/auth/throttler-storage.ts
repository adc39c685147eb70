import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisOptions } from 'ioredis';

type Counted = [totalHits: number, timeToExpire: number, isBlocked: number, timeToBlockExpire: number];

/**
 * The library's limit, counted by the same Lua script, but sent as EVALSHA: its `increment`
 * sends the whole script with every request. ioredis' defineCommand falls back to EVAL once
 * when Redis does not know the script yet (after a restart or SCRIPT FLUSH).
 */
export class ThrottlerStorageEvalsha extends ThrottlerStorageRedisService {
  constructor(options: RedisOptions) {
    super(options);
    this.redis.defineCommand('throttle', { numberOfKeys: 2, lua: this.scriptSrc });
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const hitKey = `{${key}:${throttlerName}}:hits`;
    const blockKey = `{${key}:${throttlerName}}:blocked`;
    const throttle = (this.redis as unknown as { throttle: (...args: unknown[]) => Promise<Counted> })
      .throttle;
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = await throttle.call(
      this.redis,
      hitKey,
      blockKey,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    );
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }
}
