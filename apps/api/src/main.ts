import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { assertServicesReachable, CascadeConfig, loadConfig } from '@cascade/platform';
import { ApiModule } from './api.module';
import { startBanner } from './banner';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  await assertServicesReachable(loadConfig());
  const app = configureApp(await NestFactory.create(ApiModule, { bufferLogs: true }));
  const config = app.get(ConfigService<CascadeConfig, true>);
  await app.listen(config.get('PORT'));
  process.stdout.write(
    startBanner({
      PORT: config.get('PORT'),
      PUBLIC_URL: config.get('PUBLIC_URL', { infer: true }),
      DEMO: config.get('DEMO'),
      ADMIN_EMAIL: config.get('ADMIN_EMAIL'),
      ADMIN_PASSWORD: config.get('ADMIN_PASSWORD'),
    }),
  );
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`cascade api: ${error.message}\n`);
  process.exit(1);
});
