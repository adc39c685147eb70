import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
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
 * "The figures are dirty" is a row in PostgreSQL, written by triggers on every table the figures
 * read, in the transaction of the change: no write can forget it. The rollup job is only its
 * carrier: just before any transaction commits, this reads which programmes it marked, and
 * requests their rollups just after. A lost job (Redis down, a crash between commit and
 * enqueue) is found again by the safety net from the pending marks (figures_dirty_marks).
 */
@Injectable()
export class StatsTrigger implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(StatsTrigger.name);
  private readonly marked = new WeakMap<QueryRunner, string[]>();

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

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return; // a savepoint released: the outer commit decides
    const programmeIds = this.marked.get(queryRunner);
    if (!programmeIds) return;
    this.marked.delete(queryRunner);
    for (const programmeId of programmeIds) await this.requestRollup(programmeId);
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
