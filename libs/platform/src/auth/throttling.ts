import { ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerOptions,
} from '@nestjs/throttler';
import { Request, Response } from 'express';
import { CascadeConfig } from '../config/config';
import { redisOptions } from '../queues/redis';
import { Actor } from './roles';
import { ThrottlerStorageEvalsha } from './throttler-storage';

export const LOGIN_ROUTE = 'cascade:login-route';

type Req = Partial<Pick<Request, 'ip'>> & { actor?: Actor };

const isLogin = (context: ExecutionContext) =>
  context.getHandler() && Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;

/**
 * Two limits, counted in Redis so that every API replica shares them: each user's API rate
 * (bulk clients need ≥ 100/s) and login attempts per address. The per-account limit counts
 * failed passwords only and lives in AccountLock.
 */
export function throttlerOptions(config: ConfigService<CascadeConfig, true>): ThrottlerModuleOptions {
  const loginWindow = config.get('LOGIN_RATE_WINDOW_SECONDS') * 1000;
  const throttlers: ThrottlerOptions[] = [
    {
      name: 'default',
      ttl: 1000,
      limit: config.get('API_RATE_LIMIT_PER_SECOND'),
      skipIf: isLogin,
      getTracker: (req: Record<string, unknown>) =>
        (req as Req).actor?.userId ?? (req as Req).ip ?? 'unknown',
    },
    {
      name: 'login-address',
      ttl: loginWindow,
      limit: config.get('LOGIN_ADDRESS_RATE_LIMIT'),
      skipIf: (context) => !isLogin(context),
      getTracker: (req: Record<string, unknown>) => (req as Req).ip ?? 'unknown',
    },
  ];
  // Given options, not a client, the storage also disconnects when the app closes.
  const storage = new ThrottlerStorageEvalsha({
    ...redisOptions(config.get('REDIS_URL')),
    keyPrefix: `${config.get('REDIS_PREFIX')}:throttle:`,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  return { throttlers, storage };
}

/**
 * The stock guard names its header after the limit (Retry-After-login-address); clients read
 * Retry-After. With Redis unreachable the limits cannot be counted: requests pass rather than
 * fail (health must still answer 503 naming Redis, not 500).
 */
@Injectable()
export class CascadeThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (error) {
      if (error instanceof ThrottlerException) throw error;
      return true;
    }
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().header('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
