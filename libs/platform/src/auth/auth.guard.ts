import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';
import { IS_PUBLIC, ROLES_KEY } from './decorators';
import { Actor, Role } from './roles';
import { UserStandings } from './user-standings';

/** What a token carries; role and person are read fresh from the user's standing, never from here. */
export interface TokenClaims {
  sub: string;
  ver: number;
}

/** Verifies the bearer token and that its user still stands as it did, then the route's @Roles. Runs on every route. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly standings: UserStandings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new UnauthorizedException('authorization: a Bearer token is required');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('authorization: the token is invalid or expired');
    }
    // A deactivation, new role, password, e-mail or person link bumps the version: the old token stops here.
    const standing = await this.standings.current(claims.sub);
    if (!standing?.active || standing.tokenVersion !== claims.ver) {
      throw new UnauthorizedException('authorization: the token was revoked; log in again');
    }
    const { userId, email, role, personId } = standing;
    request.actor = { userId, email, role, personId };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Roles; refusing`);
      throw new ForbiddenException('role: this route is not open to any role');
    }
    if (!roles.includes(role)) {
      throw new ForbiddenException(
        `role: ${role} may not ${request.method} ${request.route?.path ?? request.path}`,
      );
    }
    return true;
  }
}
