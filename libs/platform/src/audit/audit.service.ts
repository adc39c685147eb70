import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../auth/roles';
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

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records one event and answers its id; pass the transaction's manager so the event commits with the change. */
  async record(actor: Actor, entry: AuditEntry, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    const result = await repository.insert({
      actorUserId: actor.email === 'system' ? null : actor.userId,
      actorEmail: actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      requestId: entry.requestId ?? null,
      statusCode: entry.statusCode ?? null,
      changes: (entry.changes ?? null) as object | null as never,
    });
    return String((result.identifiers[0] as { id: string | number }).id);
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
