import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../auth/roles';
import { queryRows } from '../database/sql';
import { Page } from '../http/pagination';
import { AuditQuery } from './audit.dto';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  requestId?: string | null;
  statusCode?: number | null;
  changes?: Record<string, unknown> | null;
}

const SECRET_FIELDS = /password|token|secret/i;

/** Copies a request body without its secrets. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 50 ? { items: value.length } : value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SECRET_FIELDS.test(key) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/** A bare date is the start of that day in UTC, whatever the database's time zone. */
function instant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

const EVENT_COLUMNS =
  'actor_user_id, actor_email, action, entity, entity_id, request_id, status_code, changes';

const INSERT_EVENT_SQL = `
  INSERT INTO audit_events (${EVENT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`;

/** An event's column values, in EVENT_COLUMNS' order. */
function eventValues(actor: Actor, entry: AuditEntry): unknown[] {
  return [
    actor.email === 'system' ? null : actor.userId,
    actor.email,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.requestId ?? null,
    entry.statusCode ?? null,
    entry.changes ? JSON.stringify(entry.changes) : null,
  ];
}

/** The event as the CTE `audit_event` of the statement that writes its change (SingleStatementWrite). */
export interface AuditEventCte {
  sql: string;
  params: unknown[];
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Records one event and answers its id; pass the transaction's manager so the event commits
   * with the change. One statement written out: every write request pays for it, and TypeORM's
   * insert builder cost the API more than the statement cost PostgreSQL.
   */
  async record(actor: Actor, entry: AuditEntry, manager?: EntityManager): Promise<string> {
    const [{ id }] = await queryRows<{ id: string }>(
      manager ?? this.events.manager,
      INSERT_EVENT_SQL,
      eventValues(actor, entry),
    );
    return String(id);
  }

  /**
   * The event inserted by the statement that writes its change, its values as parameters from
   * `$first` on; it answers `id, entity_id`. `createdId` (SQL, text) names the record the
   * statement creates, where it creates one; `when` (SQL) is false where the change is not written.
   */
  eventCte(
    actor: Actor,
    entry: AuditEntry,
    first: number,
    createdId: string | undefined,
    when: string,
  ): AuditEventCte {
    const $ = (column: number) => `$${first + column}`; // in EVENT_COLUMNS' order
    const entityId = createdId ? `COALESCE(${createdId}, ${$(4)})` : $(4);
    return {
      sql: `audit_event AS (
        INSERT INTO audit_events (${EVENT_COLUMNS})
        SELECT ${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}, ${entityId}, ${$(5)}, ${$(6)}::int, ${$(7)}::jsonb
         WHERE ${when}
        RETURNING id, entity_id)`,
      params: eventValues(actor, entry),
    };
  }

  /** The id of the record a request created, known only once its handler returned. */
  async nameCreated(eventId: string, entityId: string): Promise<void> {
    await this.events.update({ id: eventId }, { entityId });
  }

  async list(query: AuditQuery): Promise<Page<AuditEvent>> {
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    if (query.entity) qb.andWhere('e.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorUserId) qb.andWhere('e.actorUserId = :actorUserId', { actorUserId: query.actorUserId });
    if (query.requestId) qb.andWhere('e.requestId = :requestId', { requestId: query.requestId });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: instant(query.from) });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: instant(query.to) });
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }
}
