import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'fs/promises';
import { resolve } from 'path';
import { DataSource } from 'typeorm';
import { CascadeConfig, queryRows } from '@cascade/platform';
import { ReportQueue } from '../report-requests/report-queue.service';
import { LIVE_RUNS_SQL, REPORT_RUNS } from './report-runs.sql';
import { removeDeadRunFiles } from './run-files';

export interface CleanupOutcome {
  expired: number;
  requeued: number;
  orphansRemoved: number;
}

/**
 * The exports' safety net, run periodically: files past REPORTS_TTL_HOURS are deleted and their
 * requests marked expired, and requests whose job is missing are enqueued again. PostgreSQL
 * owns the work: a Redis that lost everything loses no report.
 */
@Injectable()
export class ReportsCleanup {
  private readonly logger = new Logger(ReportsCleanup.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<CascadeConfig, true>,
    private readonly queue: ReportQueue,
  ) {}

  async run(): Promise<CleanupOutcome> {
    const expired = await this.expire();
    const requeued = await this.requeue();
    const orphansRemoved = await this.removeOrphans();
    if (expired + requeued + orphansRemoved > 0) {
      this.logger.log(
        `reports: ${expired} expired, ${requeued} re-enqueued, ${orphansRemoved} temp files removed`,
      );
    }
    return { expired, requeued, orphansRemoved };
  }

  /** Marked first, deleted after commit: a download that starts in between finds a 410, not half a file. */
  private async expire(): Promise<number> {
    const rows = await queryRows<{ id: string; file_path: string }>(
      this.db,
      `UPDATE report_requests SET status = 'expired'
        WHERE status = 'done' AND expires_at <= now()
        RETURNING id, file_path`,
    );
    for (const row of rows) await rm(row.file_path, { force: true });
    return rows.length;
  }

  /**
   * A request queued a minute with no job (Redis lost it, or the enqueue failed), or running
   * with a run that stopped beating (a dead worker; BullMQ may have failed its job for good).
   * The queue de-duplicates by request only while a job waits or runs, so a request whose job
   * still waits is not added twice, and one whose job ended gets a new job that runs.
   */
  private async requeue(): Promise<number> {
    const rows = await queryRows<{ id: string }>(this.db, REPORT_RUNS.lostSql);
    for (const row of rows) await this.queue.enqueue(row.id);
    return rows.length;
  }

  /** Temp files of runs that no longer hold their request: a killed worker's leftovers. */
  private async removeOrphans(): Promise<number> {
    const dir = resolve(this.config.get('REPORTS_DIR', { infer: true }));
    return removeDeadRunFiles(dir, async () => {
      const live = await queryRows<{ run: string }>(this.db, LIVE_RUNS_SQL);
      return new Set(live.map(({ run }) => run));
    });
  }
}
