import { HttpException, HttpStatus, Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomBytes } from 'crypto';
import { Repository } from 'typeorm';
import { AccountLock } from './account-lock';
import { normaliseEmail } from './email';
import { User } from './user.entity';

/** 429 for a locked account; the controller turns retryAfter into the Retry-After header. */
export class AccountLockedError extends HttpException {
  constructor(readonly retryAfter: number) {
    super(
      `email: too many wrong passwords for this account; try again in ${retryAfter} s`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

@Injectable()
export class LoginService implements OnModuleInit {
  /** Verified when the address is unknown, so an unknown and a known address cost the same argon2 work. */
  private decoyHash = '';

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly lock: AccountLock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await argon2.hash(randomBytes(32).toString('hex'));
  }

  async login(rawEmail: string, password: string): Promise<string> {
    const email = normaliseEmail(rawEmail);
    const wait = await this.lock.retryAfter(email);
    if (wait > 0) throw new AccountLockedError(wait);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const matches = await argon2.verify(user?.passwordHash ?? this.decoyHash, password);
    if (!user || !user.active || !matches) {
      await this.lock.failed(email);
      throw new UnauthorizedException('email or password is wrong');
    }
    await this.lock.succeeded(email);
    return this.jwt.signAsync({
      sub: user.id,
      ver: user.tokenVersion,
      email: user.email,
      role: user.role,
      personId: user.personId,
    });
  }
}
