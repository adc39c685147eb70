import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { NextFunction, Request, Response } from 'express';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { User } from '../../auth/user.entity';
import { ErrorCode } from '../../errors/domain-error';
import { ErrorBody } from '../../errors/error-body';

/** The cookie a browser carries to the queue dashboard, which a bearer header cannot reach. */
export const BOARD_COOKIE = 'cascade_queue_board';
/** Where the dashboard is mounted under the global prefix; the cookie is sent nowhere else. */
export const BOARD_ROUTE = '/queues';
export const BOARD_PATH = `/api/v1${BOARD_ROUTE}`;
export const BOARD_PASS_SECONDS = 15 * 60;
/** Marks a token as a dashboard pass: it is no access token, and an access token is no pass. */
const AUDIENCE = 'queue-board';

interface PassClaims {
  sub: string;
}

/**
 * Admits an admin to the queue dashboard: issues a short-lived signed pass for their user and,
 * on every dashboard request, checks the pass and that its user is still an active admin, so a
 * deactivation or a changed role shuts the door on the very next request.
 */
@Injectable()
export class BoardPassService {
  private readonly logger = new Logger(BoardPassService.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId }, { audience: AUDIENCE, expiresIn: BOARD_PASS_SECONDS });
  }

  /** Express middleware in front of bull-board's router. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      this.admit(request).then((admitted) => {
        if ('statusCode' in admitted) return void response.status(admitted.statusCode).json(admitted);
        if (request.method !== 'GET') this.auditOnSuccess(admitted, request, response);
        next();
      }, next);
    };
  }

  /** A retry, clean or pause from the dashboard leaves an audit event like every other write. */
  private auditOnSuccess(user: User, request: Request, response: Response): void {
    response.on('finish', () => {
      if (response.statusCode >= 400) return;
      const actor = { userId: user.id, email: user.email, role: user.role, personId: user.personId };
      const action = `${request.method} ${request.originalUrl.split('?')[0]}`;
      this.audit
        .record(actor, { action, entity: 'queues', statusCode: response.statusCode })
        .catch((error: Error) => this.logger.error(`audit of ${action} failed: ${error.message}`));
    });
  }

  /** Refusals are the API's error body, code included, though bull-board's router answers outside Nest. */
  private async admit(request: Request): Promise<ErrorBody | User> {
    const pass = cookieValue(request.headers.cookie, BOARD_COOKIE);
    const unauthorized = (message: string): ErrorBody => ({
      statusCode: 401,
      code: ErrorCode.Unauthenticated,
      error: 'Unauthorized',
      message,
    });
    if (!pass) return unauthorized(`${BOARD_COOKIE}: open the queue dashboard from the admin console`);
    let claims: PassClaims;
    try {
      claims = await this.jwt.verifyAsync<PassClaims>(pass, { audience: AUDIENCE });
    } catch {
      return unauthorized(`${BOARD_COOKIE}: the pass is invalid or expired`);
    }
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user?.active) return unauthorized(`${BOARD_COOKIE}: the user is no longer active`);
    if (user.role !== 'admin') {
      return {
        statusCode: 403,
        code: ErrorCode.Forbidden,
        error: 'Forbidden',
        message: `role: ${user.role} may not open the queue dashboard`,
      };
    }
    return user;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
