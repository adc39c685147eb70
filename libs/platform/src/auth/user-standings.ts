import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthRedis } from './auth-redis';
import { Role } from './roles';
import { queryRows } from '../database/sql';

/** What a request is allowed as, read fresh: a token is good only while its version matches. */
export interface UserStanding {
  userId: string;
  email: string;
  role: Role;
  personId: string | null;
  active: boolean;
  tokenVersion: number;
}

/** A bounded life for a cached standing, in case an invalidation was lost while Redis was down. */
const TTL_SECONDS = 60;

const STANDING_SQL = `SELECT id AS "userId", email, role, person_id AS "personId", active, token_version AS "tokenVersion"
                        FROM users WHERE id = $1`;

/**
 * Every user's current standing, cached in Redis (one GET per request) and replaced by
 * every change that must end the user's sessions: deactivation, role, password, e-mail or
 * person link. A reader that missed the cache only fills it when empty (SET NX), and a change
 * overwrites it after commit, so a stale read can never outlive a change.
 */
@Injectable()
export class UserStandings {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: AuthRedis,
  ) {}

  async current(userId: string): Promise<UserStanding | null> {
    const cached = await this.redis.client.get(this.key(userId)).catch(() => null);
    if (cached) return JSON.parse(cached) as UserStanding;
    const standing = await this.load(userId);
    if (standing) {
      await this.redis.client
        .set(this.key(userId), JSON.stringify(standing), 'EX', TTL_SECONDS, 'NX')
        .catch(() => undefined);
    }
    return standing;
  }

  /** After a change commits: the next request of this user sees it, on every API replica. */
  async changed(userId: string): Promise<void> {
    const standing = await this.load(userId);
    const key = this.key(userId);
    const write = standing
      ? this.redis.client.set(key, JSON.stringify(standing), 'EX', TTL_SECONDS)
      : this.redis.client.del(key);
    // Redis down: its cache went with it, or the entry expires within TTL_SECONDS.
    await write.catch(() => undefined);
  }

  private async load(userId: string): Promise<UserStanding | null> {
    const [row] = await queryRows<UserStanding>(this.db, STANDING_SQL, [userId]);
    return row ?? null;
  }

  private key(userId: string): string {
    return `user:${userId}`;
  }
}
