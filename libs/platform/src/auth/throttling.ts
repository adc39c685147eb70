import { ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { CascadeConfig } from '../config/config';
import { Actor } from './roles';

export const LOGIN_ROUTE = 'cascade:login-route';

type Req = Partial<Pick<Request, 'ip'>> & { actor?: Actor; body?: { email?: unknown } };

const isLogin = (context: ExecutionContext) =>
  context.getHandler() && Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;
const loginEmail = (req: Req) => (typeof req.body?.email === 'string' ? req.body.email.toLowerCase() : '');

/**
 * Three limits: each user's API rate (bulk clients need ≥ 100/s), and login attempts per
 * account and per address, so neither one address nor many addresses can guess a password.
 */
export function throttlerOptions(config: ConfigService<CascadeConfig, true>): ThrottlerModuleOptions {
  const loginWindow = config.get('LOGIN_RATE_WINDOW_SECONDS') * 1000;
  const loginLimit = config.get('LOGIN_RATE_LIMIT');
  return [
    {
      name: 'default',
      ttl: 1000,
      limit: config.get('API_RATE_LIMIT_PER_SECOND'),
      skipIf: isLogin,
      getTracker: (req: Record<string, unknown>) =>
        (req as Req).actor?.userId ?? (req as Req).ip ?? 'unknown',
    },
    {
      name: 'login-account',
      ttl: loginWindow,
      limit: loginLimit,
      skipIf: (context) => !isLogin(context),
      getTracker: (req: Record<string, unknown>) => loginEmail(req as Req),
    },
    {
      name: 'login-address',
      ttl: loginWindow,
      limit: loginLimit * 5,
      skipIf: (context) => !isLogin(context),
      getTracker: (req: Record<string, unknown>) => (req as Req).ip ?? 'unknown',
    },
  ];
}

/** The stock guard names its header after the limit (Retry-After-login-account); clients read Retry-After. */
@Injectable()
export class CascadeThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().header('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
