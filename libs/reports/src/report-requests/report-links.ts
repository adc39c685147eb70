import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { CascadeConfig, DomainError, publicUrlOf } from '@cascade/platform';

export interface SignedLink {
  url: string;
  expiresAt: Date;
}

/**
 * Download links a browser can open without an Authorization header: the report id and the
 * expiry are signed (HMAC-SHA256) with a key derived from JWT_SECRET, so a link opens that one
 * report, only until it expires, and cannot be altered.
 */
@Injectable()
export class ReportLinks {
  private readonly key: Buffer;
  private readonly minutes: number;
  private readonly publicUrl: string;

  constructor(config: ConfigService<CascadeConfig, true>) {
    this.key = createHash('sha256')
      .update(`cascade report links\0${config.get('JWT_SECRET')}`)
      .digest();
    this.minutes = config.get('REPORT_LINK_MINUTES');
    this.publicUrl = publicUrlOf({
      PUBLIC_URL: config.get('PUBLIC_URL', { infer: true }),
      PORT: config.get('PORT'),
    });
  }

  sign(reportId: string, now = new Date()): SignedLink {
    const expires = Math.floor(now.getTime() / 1000) + this.minutes * 60;
    const query = new URLSearchParams({
      expires: String(expires),
      signature: this.signature(reportId, expires),
    });
    return {
      url: `${this.publicUrl}/api/v1/reports/${reportId}/download?${query}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  /** 403 naming what is wrong: a signature made for another report or expiry, or a link past its time. */
  verify(reportId: string, expires: number, signature: string, now = new Date()): void {
    const expected = Buffer.from(this.signature(reportId, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw DomainError.forbidden('signature: this link was not issued for this report');
    }
    if (expires * 1000 <= now.getTime()) {
      throw DomainError.forbidden(
        `expires: this link expired at ${new Date(expires * 1000).toISOString()}; ask for a new one`,
      );
    }
  }

  private signature(reportId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${reportId}.${expires}`).digest('base64url');
  }
}
