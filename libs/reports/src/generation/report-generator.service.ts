import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, rename, rm, stat } from 'fs/promises';
import { join, resolve } from 'path';
import { PoolClient } from 'pg';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CascadeConfig, DomainError, execute, publicFailure, queryRows } from '@cascade/platform';
import { StatsService } from '@cascade/stats';
import { AnalyticsSource } from '../content/analytics.source';
import { certifiedSource } from '../content/certified.source';
import { dataQualitySource } from '../content/data-quality.source';
import { mentoringSource } from '../content/mentoring.source';
import { ReportContext, ReportEvent, ReportSource } from '../content/report-content';
import { rosterSource } from '../content/roster.source';
import { SummarySource } from '../content/summary.source';
import { labelsFor } from '../i18n/report-labels';
import { CONTENT_TYPES, PDF_ROW_LIMIT, ReportKind } from '../report-requests/report-kinds';
import { ReportRequest } from '../report-requests/report-request.entity';
import { writerStages } from '../writers/report-writer';
import { ProgressReporter } from './progress-reporter';
import { HeadlineFigures, reportFileName, reportHeading, scopeNames } from './report-heading';
import { removeDeadRunFiles, runFile } from './run-files';
import { FINISH_SQL, HEARTBEAT_EVERY_MS, LOCK_RUN_SQL, PROGRESS_SQL, REPORT_RUNS } from './report-runs.sql';

export type Outcome = { status: 'done'; rowCount: number } | { status: 'skipped'; reason: string };

/** A claimed request, and the id of the run that holds it. */
type Run = ReportRequest & { runId: string };

/**
 * Writes one report request's file. Safe to run twice (a stalled job runs again, the cleanup
 * carries a request again): the claim takes a queued request, or a running one whose run
 * stopped beating, under a new run id; each run writes its own temp file (and removes the
 * file of the dead run it took over), and only the run
 * whose id the request still holds, under its row lock, renames its file into place.
 */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger(ReportGenerator.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<CascadeConfig, true>,
    private readonly summary: SummarySource,
    private readonly stats: StatsService,
    private readonly analytics: AnalyticsSource,
  ) {}

  /**
   * A failure gives the request back to the queue for the job's next attempt, or, on the last
   * one (`lastAttempt`), fails it with a reason its requester may read (publicFailure).
   */
  async generate(
    reportId: string,
    onProgress: (percent: number) => Promise<void>,
    { lastAttempt = false }: { lastAttempt?: boolean } = {},
  ): Promise<Outcome> {
    const request = await this.claim(reportId);
    if (!request)
      return { status: 'skipped', reason: `report ${reportId} is not queued nor left by a dead run` };
    const dir = resolve(this.config.get('REPORTS_DIR', { infer: true }));
    const temp = runFile(dir, request.id, request.runId);
    // Beats even while a long query runs, so a live run is never taken for a dead one.
    const heartbeat = setInterval(() => {
      execute(this.db, REPORT_RUNS.heartbeatSql, [request.id, request.runId]).catch(() => undefined);
    }, HEARTBEAT_EVERY_MS);
    heartbeat.unref();
    try {
      await mkdir(dir, { recursive: true });
      // A run this one took over died (a killed worker): its half-written file goes now.
      await removeDeadRunFiles(dir, async () => new Set([`${request.id}.${request.runId}`]), request.id);
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
        : { status: 'skipped', reason: `report ${reportId} was taken over by another run` };
    } catch (error) {
      this.logger.error(`report ${reportId}: ${(error as Error).stack ?? String(error)}`);
      const message = publicFailure(error);
      // A failed write-back leaves a running row that stops beating: the cleanup carries it again.
      await execute(this.db, REPORT_RUNS.outcomeSql(lastAttempt), [request.id, request.runId, message]).catch(
        (e: Error) => this.logger.warn(`report ${reportId}: outcome not recorded: ${e.message}`),
      );
      throw error;
    } finally {
      clearInterval(heartbeat);
      await rm(temp, { force: true });
    }
  }

  private async claim(reportId: string): Promise<Run | undefined> {
    const rows = await queryRows<{ runId: string }>(this.db, REPORT_RUNS.claimSql(), [reportId]);
    if (rows.length === 0) return undefined;
    const request = await this.db.getRepository(ReportRequest).findOneByOrFail({ id: reportId });
    return Object.assign(request, { runId: rows[0].runId });
  }

  /**
   * Every section reads one snapshot: a read-only REPEATABLE READ transaction on a client of its
   * own, whose cursors stream rows through the writer into the temp file.
   */
  private async write(
    request: Run,
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
      // A report query is read once through a cursor: compiling it with JIT costs more than it
      // saves (docs/BENCHMARKS.md, Reports).
      await client.query('SET LOCAL jit = off');
      const labels = labelsFor(request.language);
      const now = new Date();
      const names = await scopeNames(client, request, labels);
      const figures = request.format === 'pdf' ? await this.headline(request.programmeId) : undefined;
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
        await execute(this.db, PROGRESS_SQL, [request.id, request.runId, percent]);
        await onProgress(percent);
      });
      async function* counted(): AsyncGenerator<ReportEvent> {
        for await (const event of prepared.events) {
          if (event.type === 'rows') await progress.rowsWritten(event.rows.length);
          yield event;
        }
      }
      await pipeline([
        Readable.from(counted()),
        ...writerStages(request.format, reportHeading(request, labels, names, now, figures), temp),
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

  /** Under the request's row lock, while this run still holds it: rename into place and record. */
  private async complete(
    request: Run,
    temp: string,
    path: string,
    rowCount: number,
    fileName: string,
  ): Promise<boolean> {
    const ttlHours = this.config.get('REPORTS_TTL_HOURS', { infer: true });
    return this.db.transaction(async (tx) => {
      const held = await queryRows<unknown>(tx, LOCK_RUN_SQL, [request.id, request.runId]);
      if (held.length === 0) {
        this.logger.log(
          `report ${request.id} is no longer held by run ${request.runId}; its file is dropped`,
        );
        return false;
      }
      await rename(temp, path);
      const { size } = await stat(path);
      await execute(tx, FINISH_SQL, [
        request.id,
        request.runId,
        rowCount,
        path,
        fileName,
        CONTENT_TYPES[request.format],
        size,
        ttlHours,
      ]);
      return true;
    });
  }

  /** The title page's figures; a programme with no snapshot yet has none to show. */
  private async headline(programmeId: string): Promise<HeadlineFigures | undefined> {
    try {
      return await this.stats.figures(programmeId);
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  private sourceFor(kind: ReportKind): ReportSource {
    const sources: Record<ReportKind, ReportSource> = {
      'programme-summary': this.summary,
      'cohort-roster': rosterSource,
      'mentoring-activity': mentoringSource,
      'certified-list': certifiedSource,
      'data-quality': dataQualitySource,
      'cascade-analytics': this.analytics,
    };
    return sources[kind];
  }
}
