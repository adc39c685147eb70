import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { AuditSubscriber } from './audit/audit.subscriber';
import { CascadeConfig } from './config/config';
import { CascadeConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { SingleStatementWrite } from './database/single-statement-write';
import { loggerParams } from './logging/logging';
import { QueueErrors } from './queues/queue-errors';
import { defaultJobOptions, QUEUE_NAMES } from './queues/queues';
import { redisOptions } from './queues/redis';
import { StatsTrigger } from './queues/stats-trigger.service';

const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name, defaultJobOptions })));

/** What the API and the worker both stand on: configuration, PostgreSQL, Redis queues, logs, audit. */
@Global()
@Module({
  imports: [
    CascadeConfigModule,
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<CascadeConfig, true>) =>
        loggerParams({ LOG_LEVEL: config.get('LOG_LEVEL') } as CascadeConfig),
    }),
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<CascadeConfig, true>) => ({
        connection: redisOptions(config.get('REDIS_URL')),
        prefix: config.get('REDIS_PREFIX'),
      }),
    }),
    queues,
    TypeOrmModule.forFeature([AuditEvent]),
  ],
  providers: [AuditService, AuditSubscriber, StatsTrigger, SingleStatementWrite, QueueErrors],
  exports: [queues, AuditService, StatsTrigger, SingleStatementWrite, TypeOrmModule],
})
export class PlatformModule {}
