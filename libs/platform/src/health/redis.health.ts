import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { CascadeConfig } from '../config/config';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly indicator: HealthIndicatorService,
    config: ConfigService<CascadeConfig, true>,
  ) {
    this.redis = new Redis(config.get('REDIS_URL'), {
      lazyConnect: true,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => 1000,
    });
    this.redis.on('error', () => undefined);
  }

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const health = this.indicator.check(key);
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      await this.redis.ping();
      return health.up();
    } catch (error) {
      return health.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
