import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertServicesReachable, loadConfig } from '@cascade/platform';
import { WorkerModule } from './worker.module';

/** How long a graceful shutdown may wait for running jobs (and for a Redis that is away). */
const SHUTDOWN_DEADLINE_MS = 60_000;

/** Runs the BullMQ processors; SIGTERM lets running jobs finish before the process exits. */
async function bootstrap(): Promise<void> {
  await assertServicesReachable(loadConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Not for ever: a job cut short is taken again by another worker once its lock lapses.
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref());
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`cascade worker: ${error.message}\n`);
  process.exit(1);
});
