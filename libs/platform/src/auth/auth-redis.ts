import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { CascadeConfig } from '../config/config';
import { redisOptions } from '../queues/redis';

/**
 * The API's Redis connection for login limits and the user-standing cache, under
 * `<REDIS_PREFIX>:auth:`. Commands fail at once while Redis is not connected instead of waiting
 * for it (the queues' connections wait; a request must not).
 */
@Injectable()
export class AuthRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(config: ConfigService<CascadeConfig, true>) {
    this.client = new Redis({
      ...redisOptions(config.get('REDIS_URL')),
      keyPrefix: `${config.get('REDIS_PREFIX')}:auth:`,
      // A command while Redis is away fails at once (the caller falls back to PostgreSQL or
      // answers an error) instead of queueing until Redis is back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
