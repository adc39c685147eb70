import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertServicesReachable, loadConfig } from '@cascade/platform';
import { WorkerModule } from './worker.module';

/** Runs the BullMQ processors; SIGTERM lets running jobs finish before the process exits. */
async function bootstrap(): Promise<void> {
  await assertServicesReachable(loadConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`cascade worker: ${error.message}\n`);
  process.exit(1);
});
