import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CascadeConfig, validateConfig } from './config';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: true,
      // Read when an app is created, not when this file is imported, so one process (a test)
      // can create apps with different settings.
      load: [() => ({ ...validateConfig(process.env) })],
    }),
  ],
})
export class CascadeConfigModule {}

/** Typed access to the validated settings: `settings(config).PORT`. */
export type Settings = ConfigService<CascadeConfig, true>;
