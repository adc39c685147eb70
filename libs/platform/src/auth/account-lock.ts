import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CascadeConfig } from '../config/config';
import { AuthRedis } from './auth-redis';
import { LocalAccountLocks } from './local-account-locks';

/**
 * Counts one failed password: KEYS[1] the failures, KEYS[2] the lock; ARGV[1] the window in
 * ms, ARGV[2] the limit. The limit-th failure locks the account for one window and starts the
 * count again. Answers the lock's remaining ms (0: not locked).
 */
const FAIL_SCRIPT = `
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if failures >= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[1])
  redis.call('DEL', KEYS[1])
  return tonumber(ARGV[1])
end
return 0`;

/**
 * The per-account limit on password guessing, shared by every API replica (Redis). Only
 * failed passwords count; LOGIN_RATE_LIMIT of them in LOGIN_RATE_WINDOW_SECONDS lock the
 * account for one window, during which every attempt is refused without being counted — so
 * an attacker who keeps trying cannot prolong the lock, and the right password logs in as soon
 * as the window has passed (and clears the count).
 *
 * While Redis is unreachable, people still log in: this process counts in its own memory by the
 * same rule (each replica then allows the limit on its own), and a lock it started there still
 * holds once Redis is back.
 */
@Injectable()
export class AccountLock {
  private readonly logger = new Logger(AccountLock.name);
  private readonly windowMs: number;
  private readonly limit: number;
  private readonly local: LocalAccountLocks;
  private degraded = false;

  constructor(
    private readonly redis: AuthRedis,
    config: ConfigService<CascadeConfig, true>,
  ) {
    this.windowMs = config.get('LOGIN_RATE_WINDOW_SECONDS') * 1000;
    this.limit = config.get('LOGIN_RATE_LIMIT');
    this.local = new LocalAccountLocks(this.windowMs, this.limit);
  }

  /** Seconds until the account may try again; 0 when it may now. */
  async retryAfter(email: string): Promise<number> {
    const ms = await this.shared(() => this.redis.client.pttl(this.lockKey(email)), 0);
    return Math.ceil(Math.max(ms, this.local.lockedFor(email), 0) / 1000);
  }

  /** Counts a wrong password (or unknown address); answers the seconds of lock it started, 0 for none. */
  async failed(email: string): Promise<number> {
    const ms = await this.shared(
      async () =>
        Number(
          await this.redis.client.eval(
            FAIL_SCRIPT,
            2,
            this.failuresKey(email),
            this.lockKey(email),
            this.windowMs,
            this.limit,
          ),
        ),
      () => this.local.failed(email),
    );
    return Math.ceil(ms / 1000);
  }

  async succeeded(email: string): Promise<void> {
    this.local.succeeded(email);
    await this.shared(() => this.redis.client.del(this.failuresKey(email)), 0);
  }

  /** Redis's answer, or the fallback's while Redis cannot be reached (said once per outage). */
  private async shared<T>(command: () => Promise<T>, fallback: T | (() => T)): Promise<T> {
    try {
      const answer = await command();
      if (this.degraded) this.logger.log('login limits counted in Redis again');
      this.degraded = false;
      return answer;
    } catch (error) {
      if (!this.degraded) {
        this.logger.warn(
          `login limits counted in this process: Redis unreachable (${(error as Error).message})`,
        );
      }
      this.degraded = true;
      return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
    }
  }

  private failuresKey(email: string): string {
    return `login-failures:${email}`;
  }

  private lockKey(email: string): string {
    return `login-lock:${email}`;
  }
}
