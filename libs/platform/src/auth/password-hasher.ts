import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'crypto';

/** argon2 for every password of the system, and the same work whether an account exists or not. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified in place of a missing account's hash: an unknown address costs what a known one does. */
  private decoyHash = '';

  async onModuleInit(): Promise<void> {
    this.decoyHash = await argon2.hash(randomBytes(32).toString('hex'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password);
  }

  /** False for a missing hash too, after the full verification work. */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const matches = await argon2.verify(hash ?? this.decoyHash, password);
    return hash !== undefined && matches;
  }
}
