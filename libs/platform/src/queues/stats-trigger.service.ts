import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { enqueueAfterCommit } from './enqueue';
import { defaultJobOptions, JobPayloads } from './queues';

/**
 * "The figures are dirty" is a row in PostgreSQL, written in the same transaction as the
 * change; the rollup job is only its carrier, enqueued after commit. A lost job is found
 * again by the safety net from programme_figures_state.
 */
@Injectable()
export class StatsTrigger {
  private readonly logger = new Logger(StatsTrigger.name);

  constructor(@InjectQueue('stats') private readonly stats: Queue<JobPayloads['stats']['rollup']>) {}

  /** Call inside the transaction that changes a figure of the programme. */
  async markDirty(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.query(
      `INSERT INTO programme_figures_state (programme_id, dirty_version, dirty_at)
       VALUES ($1, 1, now())
       ON CONFLICT (programme_id)
       DO UPDATE SET dirty_version = programme_figures_state.dirty_version + 1, dirty_at = now()`,
      [programmeId],
    );
  }

  /**
   * Call after commit. One pending rollup per programme: further requests while one waits add
   * nothing, and a request while one runs leaves exactly one to run after it.
   */
  async requestRollup(programmeId: string): Promise<string | undefined> {
    return enqueueAfterCommit(
      this.logger,
      this.stats,
      'rollup',
      { programmeId },
      { ...defaultJobOptions, deduplication: { id: `rollup-${programmeId}`, keepLastIfActive: true } },
    );
  }
}
