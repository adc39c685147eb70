import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { assertServicesReachable, CascadeConfig, loadConfig } from '@cascade/platform';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  await assertServicesReachable(loadConfig());
  const app = configureApp(await NestFactory.create(ApiModule, { bufferLogs: true }));
  await app.listen(app.get(ConfigService<CascadeConfig, true>).get('PORT'));
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`cascade api: ${error.message}\n`);
  process.exit(1);
});
