import { Module } from '@nestjs/common';
import { createSecretKey } from 'crypto';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AccountLock } from './auth/account-lock';
import { AuthRedis } from './auth/auth-redis';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CascadeThrottlerGuard, throttlerOptions } from './auth/throttling';
import { User } from './auth/user.entity';
import { UsersController } from './auth/users.controller';
import { LoginService } from './auth/login.service';
import { PasswordHasher } from './auth/password-hasher';
import { UserStandings } from './auth/user-standings';
import { UsersService } from './auth/users.service';
import { CascadeConfig } from './config/config';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis.health';

/** The HTTP side of the platform: login, users, guards, throttling, audit trail, health. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    TerminusModule,
    JwtModule.registerAsync({
      global: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService<CascadeConfig, true>) => {
        // A KeyObject spares jsonwebtoken from trying the secret as a public key on every request.
        const key = createSecretKey(Buffer.from(config.get('JWT_SECRET')));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_EXPIRES_IN') },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: throttlerOptions }),
  ],
  controllers: [AuthController, UsersController, AuditController, HealthController],
  providers: [
    AuthRedis,
    UserStandings,
    AccountLock,
    PasswordHasher,
    LoginService,
    UsersService,
    RedisHealthIndicator,
    // Order matters: the token is verified first, so the API limit can count per user.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: CascadeThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
  exports: [UsersService],
})
export class PlatformHttpModule {}
