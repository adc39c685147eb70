import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { mkdir, rename, rm, stat } from 'fs/promises';
import { join, resolve } from 'path';
import { PoolClient } from 'pg';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CascadeConfig } from '@cascade/platform';
import { certifiedSource } from '../content/certified.source';
import { mentoringSource } from '../content/mentoring.source';
import { ReportContext, ReportEvent, ReportSource } from '../content/report-content';
import { rosterSource } from '../content/roster.source';
import { SummarySource } from '../content/summary.source';
import { labelsFor } from '../i18n/report-labels';
import { CONTENT_TYPES, PDF_ROW_LIMIT, ReportKind } from '../report-requests/report-kinds';
import { ReportRequest } from '../report-requests/report-request.entity';
import { writerStages } from '../writers/report-writer';
import { ProgressReporter } from './progress-reporter';
import { reportFileName, reportHeading, scopeNames } from './report-heading';

export type Outcome = { status: 'done'; rowCount: number } | { status: 'skipped'; reason: string };

/**
 * Writes one report request's file. Safe to run twice (a stalled job runs again): the claim
 * accepts a request still queued or running, each run writes its own temp file, and only the
 * run that finds the request still running under its row lock renames its file into place.
 */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger(ReportGenerator.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<CascadeConfig, true>,
    private readonly summary: SummarySource,
  ) {}

  async generate(reportId: string, onProgress: (percent: number) => Promise<void>): Promise<Outcome> {
    const request = await this.claim(reportId);
    if (!request) return { status: 'skipped', reason: `report ${reportId} is not queued or running` };
    const dir = resolve(this.config.get('REPORTS_DIR', { infer: true }));
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${request.id}.${randomUUID()}.part`);
    try {
      const { rowCount, fileName } = await this.write(request, temp, onProgress);
      const completed = await this.complete(
        request,
        temp,
        join(dir, `${request.id}.${request.format}`),
        rowCount,
        fileName,
      );
      return completed
        ? { status: 'done', rowCount }
        : { status: 'skipped', reason: `report ${reportId} was finished by another run` };
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** On the job's last attempt: the request fails with the reason, for its requester to see. */
  async fail(reportId: string, error: Error): Promise<void> {
    await this.db.query(
      `UPDATE report_requests SET status = 'failed', error = $2, finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [reportId, error.message.slice(0, 2000)],
    );
  }

  private async claim(reportId: string): Promise<ReportRequest | undefined> {
    const [rows] = (await this.db.query(
      `UPDATE report_requests SET status = 'running', started_at = coalesce(started_at, now()), progress = 0
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [reportId],
    )) as [{ id: string }[], number];
    if (rows.length === 0) return undefined;
    return this.db.getRepository(ReportRequest).findOneByOrFail({ id: reportId });
  }

  /**
   * Every section reads one snapshot: a read-only REPEATABLE READ transaction on a client of its
   * own, whose cursors stream rows through the writer into the temp file.
   */
  private async write(
    request: ReportRequest,
    temp: string,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<{ rowCount: number; fileName: string }> {
    const driver = this.db.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [
      PoolClient,
      (error?: Error) => void,
    ];
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const labels = labelsFor(request.language);
      const now = new Date();
      const names = await scopeNames(client, request, labels);
      const context: ReportContext = {
        programmeId: request.programmeId,
        language: request.language,
        labels,
        params: request.params,
        client,
        rowLimit: request.format === 'pdf' ? PDF_ROW_LIMIT : undefined,
        overdueDays: this.config.get('MENTORING_OVERDUE_DAYS', { infer: true }),
      };
      const prepared = await this.sourceFor(request.kind).prepare(context);
      const progress = new ProgressReporter(prepared.expectedRows, async (percent) => {
        await this.db.query(`UPDATE report_requests SET progress = $2 WHERE id = $1 AND status = 'running'`, [
          request.id,
          percent,
        ]);
        await onProgress(percent);
      });
      async function* counted(): AsyncGenerator<ReportEvent> {
        for await (const event of prepared.events) {
          if (event.type === 'row') await progress.row();
          yield event;
        }
      }
      await pipeline([
        Readable.from(counted()),
        ...writerStages(request.format, reportHeading(request, labels, names, now), temp),
      ]);
      await client.query('COMMIT');
      release();
      return { rowCount: progress.rows, fileName: reportFileName(request, names, now) };
    } catch (error) {
      // A client whose cursor broke mid-stream is not given back to the pool.
      release(error as Error);
      throw error;
    }
  }

  /** Under the request's row lock: rename into place and record the outcome, or give way. */
  private async complete(
    request: ReportRequest,
    temp: string,
    path: string,
    rowCount: number,
    fileName: string,
  ): Promise<boolean> {
    const ttlHours = this.config.get('REPORTS_TTL_HOURS', { infer: true });
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query(`SELECT status FROM report_requests WHERE id = $1 FOR UPDATE`, [
        request.id,
      ]);
      if (current?.status !== 'running') {
        this.logger.log(`report ${request.id} is ${current?.status ?? 'gone'}; this run's file is dropped`);
        return false;
      }
      await rename(temp, path);
      const { size } = await stat(path);
      await tx.query(
        `UPDATE report_requests
            SET status = 'done', progress = 100, row_count = $2, file_path = $3, file_name = $4, content_type = $5,
                size_bytes = $6, error = NULL, finished_at = now(), expires_at = now() + make_interval(hours => $7)
          WHERE id = $1`,
        [request.id, rowCount, path, fileName, CONTENT_TYPES[request.format], size, ttlHours],
      );
      return true;
    });
  }

  private sourceFor(kind: ReportKind): ReportSource {
    const sources: Record<ReportKind, ReportSource> = {
      'programme-summary': this.summary,
      'cohort-roster': rosterSource,
      'mentoring-activity': mentoringSource,
      'certified-list': certifiedSource,
    };
    return sources[kind];
  }
}
