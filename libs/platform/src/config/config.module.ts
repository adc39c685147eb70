import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CascadeConfig, validateConfig } from './config';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: validateConfig })],
})
export class CascadeConfigModule {}

/** Typed access to the validated settings: `settings(config).PORT`. */
export type Settings = ConfigService<CascadeConfig, true>;
