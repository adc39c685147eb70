import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError, Page, readBatchItem } from '@cascade/platform';
import { mentoringAccess } from '../access/mentoring-access';
import { AssignmentsService } from '../assignments/assignments.service';
import { MentoringAssignment } from '../assignments/mentoring-assignment.entity';
import { MentoringSession } from './mentoring-session.entity';
import { SessionCandidate, toCandidate, trimmedTopics } from './session-content';
import {
  BatchItemResult,
  BatchResult,
  BatchSessionItemDto,
  CreateSessionDto,
  SessionQuery,
  SessionView,
  UpdateSessionDto,
} from './session.dto';
import { IngestOutcome, SessionIngestService } from './session-ingest.service';
import { occurredAtRefusal } from './session-window';

const REQUIRED_ON_EDIT = ['occurredAt', 'durationMinutes', 'mode'] as const;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly ingest: SessionIngestService,
  ) {}

  async list(assignmentId: string, query: SessionQuery, actor: Actor): Promise<Page<SessionView>> {
    await this.assignments.get(assignmentId, actor);
    const [rows, total] = await this.db.manager.findAndCount(MentoringSession, {
      where: { assignmentId },
      order: { occurredAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return Page.of(rows.map(SessionView.of), total, query);
  }

  /** Logs one session: created, or the stored one when this clientRef was sent before with the same content. */
  async logOne(
    assignmentId: string,
    dto: CreateSessionDto,
    actor: Actor,
  ): Promise<{ created: boolean; session: MentoringSession }> {
    const [outcome] = await this.ingest.ingest([toCandidate(0, { ...dto, assignmentId })], actor);
    switch (outcome.status) {
      case 'created':
        return { created: true, session: outcome.session };
      case 'duplicate':
        return { created: false, session: outcome.session };
      case 'conflict':
        throw DomainError.conflict(outcome.reason);
      case 'rejected':
        throw outcome.error;
    }
  }

  /**
   * Each item is validated on its own, so one bad item is rejected with its reason while the
   * valid ones are stored; the answer lists every item in request order. The items come as sent.
   */
  async batch(items: unknown[], actor: Actor): Promise<BatchResult> {
    const results: BatchItemResult[] = new Array(items.length);
    const candidates: SessionCandidate[] = [];
    items.forEach((raw, index) => {
      const read = readBatchItem(BatchSessionItemDto, raw, `sessions[${index}]`);
      if (read.reason === undefined) candidates.push(toCandidate(index, read.item));
      else results[index] = { index, clientRef: read.clientRef, status: 'rejected', reason: read.reason };
    });
    for (const outcome of await this.ingest.ingest(candidates, actor))
      results[outcome.index] = this.itemResult(outcome);
    const count = (status: BatchItemResult['status']) => results.filter((r) => r.status === status).length;
    return {
      results,
      created: count('created'),
      duplicate: count('duplicate'),
      conflict: count('conflict'),
      rejected: count('rejected'),
    };
  }

  /** Edits after logging; the audit trail records the change, updated_at when. */
  async update(id: string, dto: UpdateSessionDto, actor: Actor): Promise<MentoringSession> {
    for (const field of REQUIRED_ON_EDIT) {
      if (dto[field] === null) throw DomainError.invalid(`${field}: must not be null`);
    }
    return this.db.transaction(async (tx) => {
      const session = await tx.findOne(MentoringSession, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) throw DomainError.notFound('Mentoring session', id);
      const assignment = await tx.findOne(MentoringAssignment, {
        where: { id: session.assignmentId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!assignment) throw DomainError.notFound('Mentoring assignment', session.assignmentId);
      mentoringAccess.assertCanWrite(actor, assignment);
      if (dto.occurredAt !== undefined) session.occurredAt = new Date(dto.occurredAt);
      if (dto.durationMinutes !== undefined) session.durationMinutes = dto.durationMinutes;
      if (dto.mode !== undefined) session.mode = dto.mode;
      if (dto.topics !== undefined) session.topics = trimmedTopics(dto.topics);
      if (dto.notes !== undefined) session.notes = dto.notes ?? null;
      const outside = occurredAtRefusal(session.occurredAt, assignment);
      if (dto.occurredAt !== undefined && outside) throw DomainError.invalid(outside);
      return tx.save(session);
    });
  }

  private itemResult(outcome: IngestOutcome): BatchItemResult {
    const { index, clientRef, status } = outcome;
    switch (outcome.status) {
      case 'created':
      case 'duplicate':
        // The device sent the content; the id names the row (500 full sessions would double the answer).
        return { index, clientRef, status, id: outcome.session.id };
      case 'conflict':
        // The stored session beside the reason: the device shows both for its user to choose.
        return { index, clientRef, status, reason: outcome.reason, session: SessionView.of(outcome.session) };
      case 'rejected':
        return { index, clientRef, status, reason: outcome.error.message };
    }
  }
}
