import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountLock } from './account-lock';
import { normaliseEmail } from './email';
import { PasswordHasher } from './password-hasher';
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
export class LoginService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly lock: AccountLock,
    private readonly hasher: PasswordHasher,
  ) {}

  async login(rawEmail: string, password: string): Promise<string> {
    const email = normaliseEmail(rawEmail);
    const wait = await this.lock.retryAfter(email);
    if (wait > 0) throw new AccountLockedError(wait);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const matches = await this.hasher.verify(user?.passwordHash, password);
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
