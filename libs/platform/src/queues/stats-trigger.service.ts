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
  TransactionStartEvent,
} from 'typeorm';
import { enqueueAfterCommit } from './enqueue';
import { defaultJobOptions, JobPayloads } from './queues';

/** Raised by mark_figures_dirty() (migration 1764203000000) at a transaction's first mark of programmes. */
const MARKED_NOTICE = /^cascade\.dirty_programmes (.+)$/;

/** A pooled pg client, as far as the notices of its statements go. */
interface Connection {
  on(event: 'notice', listener: (notice: { message?: string }) => void): unknown;
}

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
 * carrier: the marking statement's answer names the programmes a transaction marked (a NOTICE,
 * no round trip of its own), and once it commits this requests their rollups at most
 * ROLLUP_REQUEST_WINDOW_MS later. A lost job (Redis down, a crash between commit and enqueue)
 * is found again by the safety net from the pending marks (figures_dirty_marks).
 */
@Injectable()
export class StatsTrigger implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatsTrigger.name);
  /** Per connection in a transaction: the programmes its statements marked so far. */
  private readonly marked = new WeakMap<Connection, Set<string>>();
  private readonly listening = new WeakSet<Connection>();
  private readonly gathered = new Set<string>();
  private window?: NodeJS.Timeout;

  constructor(
    @InjectQueue('stats') private readonly stats: Queue<JobPayloads['stats']['rollup']>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  async afterTransactionStart({ queryRunner }: TransactionStartEvent): Promise<void> {
    const connection = await this.listen(queryRunner);
    // A savepoint keeps what the outer transaction marked.
    if (!this.marked.has(connection)) this.marked.set(connection, new Set());
  }

  async afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): Promise<void> {
    if (!queryRunner.isTransactionActive) this.marked.delete(await this.connectionOf(queryRunner));
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return; // a savepoint released: the outer commit decides
    const connection = await this.connectionOf(queryRunner);
    const programmeIds = this.marked.get(connection);
    this.marked.delete(connection);
    this.gather(programmeIds);
  }

  /**
   * A statement sent outside a transaction is one of its own, committed when it returns: what it
   * marked is requested then, like a transaction's marks after its commit (SingleStatementWrite).
   */
  async watch<T>(queryRunner: QueryRunner, statement: () => Promise<T>): Promise<T> {
    const connection = await this.listen(queryRunner);
    const programmeIds = new Set<string>();
    this.marked.set(connection, programmeIds);
    try {
      const result = await statement();
      this.gather(programmeIds);
      return result;
    } finally {
      this.marked.delete(connection);
    }
  }

  /** A graceful shutdown requests what has gathered before the queue closes. */
  async onModuleDestroy(): Promise<void> {
    await this.requestGathered();
  }

  private async connectionOf(queryRunner: QueryRunner): Promise<Connection> {
    return (await queryRunner.connect()) as Connection;
  }

  /** The query runner's connection, its notices read from now on (once per pooled connection). */
  private async listen(queryRunner: QueryRunner): Promise<Connection> {
    const connection = await this.connectionOf(queryRunner);
    if (!this.listening.has(connection)) {
      this.listening.add(connection);
      connection.on('notice', ({ message }) => {
        const programmeIds = MARKED_NOTICE.exec(message ?? '')?.[1].split(',') ?? [];
        for (const programmeId of programmeIds) this.marked.get(connection)?.add(programmeId);
      });
    }
    return connection;
  }

  /** Committed marks: their rollups are requested at the end of the current window. */
  private gather(programmeIds: Set<string> | undefined): void {
    if (!programmeIds?.size) return;
    for (const programmeId of programmeIds) this.gathered.add(programmeId);
    this.window ??= setTimeout(() => void this.requestGathered(), ROLLUP_REQUEST_WINDOW_MS);
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
