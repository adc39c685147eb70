import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { CascadeConfig } from '../config/config';
import { redisOptions } from '../queues/redis';

/**
 * The API's Redis connection for login limits and the user-standing cache, under
 * `<REDIS_PREFIX>:auth:`. Commands give up after one reconnection attempt instead of waiting
 * for Redis forever (the queues' connections wait; a request must not).
 */
@Injectable()
export class AuthRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(config: ConfigService<CascadeConfig, true>) {
    this.client = new Redis({
      ...redisOptions(config.get('REDIS_URL')),
      keyPrefix: `${config.get('REDIS_PREFIX')}:auth:`,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
