import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { enqueueAfterCommit } from './enqueue';
import { defaultJobOptions, JobPayloads } from './queues';
import { queryRows } from '../database/sql';

/** Written by mark_figures_dirty() (migration 1764190000000): the programmes this transaction marked. */
const MARKED_SQL = `SELECT current_setting('cascade.dirty_programmes', true) AS marked`;

/**
 * How long the programmes marked by one process's commits gather before their rollups are
 * requested: one add per programme per window instead of one per write (issue 19). Every add
 * still leaves after the commits it stands for, so a write during a running rollup still leads
 * to a later one; the price is this much later freshness, and a crash inside the window losing
 * the add, which the safety net recovers from the marks like any other lost job.
 */
export const ROLLUP_REQUEST_WINDOW_MS = 50;

/**
 * "The figures are dirty" is a row in PostgreSQL, written by triggers on every table the figures
 * read, in the transaction of the change: no write can forget it. The rollup job is only its
 * carrier: just before any transaction commits, this reads which programmes it marked, and
 * requests their rollups at most ROLLUP_REQUEST_WINDOW_MS after. A lost job (Redis down, a crash between commit and
 * enqueue) is found again by the safety net from the pending marks (figures_dirty_marks).
 */
@Injectable()
export class StatsTrigger implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatsTrigger.name);
  private readonly marked = new WeakMap<QueryRunner, string[]>();
  private readonly gathered = new Set<string>();
  private window?: NodeJS.Timeout;

  constructor(
    @InjectQueue('stats') private readonly stats: Queue<JobPayloads['stats']['rollup']>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  async beforeTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    const [{ marked }] = await queryRows<{ marked: string | null }>(queryRunner, MARKED_SQL);
    if (marked) this.marked.set(queryRunner, marked.split(','));
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.marked.delete(queryRunner);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return; // a savepoint released: the outer commit decides
    const programmeIds = this.marked.get(queryRunner);
    if (!programmeIds) return;
    this.marked.delete(queryRunner);
    for (const programmeId of programmeIds) this.gathered.add(programmeId);
    this.window ??= setTimeout(() => void this.requestGathered(), ROLLUP_REQUEST_WINDOW_MS);
  }

  /** A graceful shutdown requests what has gathered before the queue closes. */
  async onModuleDestroy(): Promise<void> {
    await this.requestGathered();
  }

  private async requestGathered(): Promise<void> {
    clearTimeout(this.window);
    this.window = undefined;
    const programmeIds = [...this.gathered];
    this.gathered.clear();
    await Promise.all(programmeIds.map((programmeId) => this.requestRollup(programmeId)));
  }

  /**
   * One pending rollup per programme: further requests while one waits add nothing, and a
   * request while one runs leaves exactly one to run after it.
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
