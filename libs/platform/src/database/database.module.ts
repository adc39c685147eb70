import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { CascadeConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './run-migrations';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<CascadeConfig, true>) => ({
        ...dataSourceOptions(config.get('DATABASE_URL'), config.get('DATABASE_POOL_SIZE')),
        autoLoadEntities: true,
        // Pending migrations run at start, one process at a time (see dataSourceFactory).
        migrationsRun: false,
        // TypeORM puts an error listener on the pg pool, so a PostgreSQL restart is logged, not fatal.
        // Not 'error': every 409 would print the failed query with its parameters (emails) to
        // stdout; AllExceptionsFilter logs the failures that are really ours (5xx).
        logging: ['warn', 'migration'],
      }),
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        try {
          await runMigrationsLocked(dataSource);
        } catch (error) {
          await dataSource.destroy(); // TypeOrmModule retries with a new one: do not leak this pool
          throw error;
        }
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
