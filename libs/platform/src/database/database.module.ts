import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<CascadeConfig, true>) => ({
        ...dataSourceOptions(config.get('DATABASE_URL'), config.get('DATABASE_POOL_SIZE')),
        autoLoadEntities: true,
        migrationsRun: true,
        // TypeORM puts an error listener on the pg pool, so a PostgreSQL restart is logged, not fatal.
        // Not 'error': every 409 would print the failed query with its parameters (emails) to
        // stdout; AllExceptionsFilter logs the failures that are really ours (5xx).
        logging: ['warn', 'migration'],
      }),
    }),
  ],
})
export class DatabaseModule {}
