import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { defaultJobOptions, enqueueAfterCommit, JobPayloads } from '@cascade/platform';

/**
 * Carries an import to the worker. De-duplicated by import while its job waits or runs; the
 * key is freed when the job ends, so the safety net can carry the import again later.
 */
@Injectable()
export class ImportQueue {
  private readonly logger = new Logger(ImportQueue.name);

  constructor(@InjectQueue('imports') private readonly imports: Queue<JobPayloads['imports']['roster']>) {}

  /** Call after the import's transaction committed; a lost enqueue is found again by the sweep. */
  async enqueue(importId: string): Promise<void> {
    await enqueueAfterCommit(
      this.logger,
      this.imports,
      'roster',
      { importId },
      { ...defaultJobOptions, deduplication: { id: `import-${importId}` } },
    );
  }
}
