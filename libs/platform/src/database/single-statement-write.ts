import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { StatsTrigger } from '../queues/stats-trigger.service';
import { preparedRows } from './sql';

/** A write PostgreSQL can do in one statement, written as data-modifying CTEs. */
export interface StatementWrite {
  /** The CTEs, without `WITH`: `locked AS (…), stored AS (INSERT … RETURNING …)`. */
  ctes: string;
  /** The rows to answer, read from the CTEs. */
  select: string;
  params: unknown[];
  /** SQL, true when the write goes ahead. Where it is false the CTEs must write nothing. */
  goesAhead: string;
  /** SQL (text): the id of the record the write creates, for its audit event; else the route's. */
  createdId?: string;
}

/**
 * What the statement adds to each row it answers: its audit event, and that the row is the
 * write's. Left on the rows: taking them off would copy each of a batch's rows.
 */
export interface StatementColumns {
  auditEventId: string | null;
  auditEntityId: string | null;
  written: boolean | null;
}

/**
 * A lone statement is a transaction of its own, so a write that fits in one needs no START
 * TRANSACTION and COMMIT: one round trip to PostgreSQL instead of four with its audit event
 * (issue 19). The request's audit event goes into the same statement, so the change and its
 * event commit together as in a transaction (AuditSubscriber), and the programmes its figures
 * triggers marked reach StatsTrigger once it has returned. The statement goes prepared
 * (preparedRows): on a request's hot path, parsing and planning it cost more than running it.
 */
@Injectable()
export class SingleStatementWrite {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly stats: StatsTrigger,
  ) {}

  /** The write's rows; null when it did not go ahead, and then nothing was written. */
  async run<Row>(write: StatementWrite): Promise<(Row & StatementColumns)[] | null> {
    const pending = auditContext.getStore();
    const audited = pending && !pending.committedId && !pending.committing ? pending : undefined;
    const event = audited
      ? this.audit.eventCte(
          audited.actor,
          audited.entry,
          write.params.length + 1,
          write.createdId,
          write.goesAhead,
        )
      : undefined;
    const happened = event
      ? 'audit_event'
      : `(SELECT NULL::bigint AS id, NULL::text AS entity_id WHERE ${write.goesAhead})`;
    const sql = `WITH ${write.ctes}${event ? `, ${event.sql}` : ''}
      SELECT e.id AS "auditEventId", e.entity_id AS "auditEntityId", w.*
        FROM ${happened} e LEFT JOIN (SELECT true AS written, s.* FROM (${write.select}) s) w ON true`;
    const runner = this.db.createQueryRunner();
    try {
      const rows = await this.stats.watch(runner, () =>
        preparedRows<Row & StatementColumns>(
          runner,
          sql,
          event ? [...write.params, ...event.params] : write.params,
        ),
      );
      if (rows.length === 0) return null;
      if (audited) {
        const { auditEventId, auditEntityId } = rows[0];
        if (auditEntityId !== (audited.entry.entityId ?? null))
          audited.createdId = auditEntityId ?? undefined;
        audited.committedId = String(auditEventId);
      }
      return rows.filter((row) => row.written);
    } finally {
      await runner.release();
    }
  }
}
