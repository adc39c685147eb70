import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  DomainError,
  ErrorCode,
  preparedRows,
  queryRows,
  SingleStatementWrite,
} from '@cascade/platform';
import { mentoringAccess } from '../access/mentoring-access';
import { MentoringSession } from './mentoring-session.entity';
import { conflictReason, contentDifferences, SessionCandidate } from './session-content';
import { occurredAtRefusal } from './session-window';

export type IngestOutcome =
  | { index: number; clientRef: string; status: 'created' | 'duplicate'; session: MentoringSession }
  | { index: number; clientRef: string; status: 'conflict'; reason: string; session: MentoringSession }
  | { index: number; clientRef: string; status: 'rejected'; error: DomainError };

interface AssignmentFacts {
  id: string;
  programmeId: string;
  mentorId: string;
  startsOn: string;
  endsOn: string | null;
}

/** What PostgreSQL chose for a new session, and the key to match it with what was sent. */
type InsertedRow = Pick<MentoringSession, 'id' | 'assignmentId' | 'clientRef' | 'createdAt'>;

const SESSION_COLUMNS = `id, assignment_id AS "assignmentId", occurred_at AS "occurredAt",
  duration_minutes AS "durationMinutes", mode, topics, notes, client_ref AS "clientRef",
  recorded_by AS "recordedBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** A clientRef is the mentor's device's key: unique per mentor (uq_mentoring_sessions_client_ref). */
const refKey = (mentorId: string, clientRef: string) => `${mentorId} ${clientRef}`;

/** Reads and writes before an assignment that changed meanwhile makes a batch give up (409). */
const ATTEMPTS = 3;

/**
 * Stores sessions sent by devices that may resend them at any time, in any batch, many times
 * at once. The unique index on (mentor, client_ref) decides what is new — `ON CONFLICT DO
 * NOTHING` — and only the refs that did not come back are read, to tell a duplicate (same
 * content, a success) from a conflict (the mentor used the ref for something else). Another
 * mentor's refs never collide, so a conflict shows only the mentor's own session.
 *
 * The assignments are read, the candidates checked against them here, and then one statement
 * (SingleStatementWrite) stores them only if those assignments are still as read, holding them
 * FOR SHARE until it commits: ending an assignment (FOR UPDATE) waits for sessions being logged
 * against it, and they for it. When one changed in between, nothing is stored and it all starts
 * again from the read.
 */
@Injectable()
export class SessionIngestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statement: SingleStatementWrite,
  ) {}

  /** One outcome per candidate, in the candidates' order. */
  async ingest(
    candidates: SessionCandidate[],
    actor: Actor,
    now: Date = new Date(),
  ): Promise<IngestOutcome[]> {
    if (candidates.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      const outcomes = await this.attempt(candidates, actor, now);
      if (outcomes) return candidates.map((c) => outcomes.get(c.index)!);
      if (attempt === ATTEMPTS)
        throw DomainError.conflict(
          'mentoring assignments changed while these sessions were stored: send them again',
        );
    }
  }

  /** The outcomes by candidate index; null when an assignment changed after it was read. */
  private async attempt(
    candidates: SessionCandidate[],
    actor: Actor,
    now: Date,
  ): Promise<Map<number, IngestOutcome> | null> {
    const assignments = await this.readAssignments(unique(candidates.map((c) => c.assignmentId)));
    const outcomes = new Map<number, IngestOutcome>();
    // Each accepted candidate's (mentor, ref) key, built once: it is looked up several times below.
    const keys = new Map<SessionCandidate, string>();
    const firstByRef = new Map<string, SessionCandidate>();
    const repeats: SessionCandidate[] = [];
    for (const candidate of candidates) {
      const assignment = assignments.get(candidate.assignmentId);
      const error = this.refusal(candidate, assignment, actor, now);
      if (error) {
        outcomes.set(candidate.index, {
          index: candidate.index,
          clientRef: candidate.clientRef,
          status: 'rejected',
          error,
        });
        continue;
      }
      const key = refKey(assignment!.mentorId, candidate.clientRef);
      keys.set(candidate, key);
      if (firstByRef.has(key)) repeats.push(candidate);
      else firstByRef.set(key, candidate);
    }

    // One order for every batch, so concurrent batches sharing refs wait on each other instead of deadlocking.
    const firsts = [...firstByRef.keys()].sort().map((key) => firstByRef.get(key)!);
    const inserted = await this.insert(firsts, assignments, actor, candidates.length === 1);
    if (!inserted) return null;
    const storedKey = (s: MentoringSession) => refKey(assignments.get(s.assignmentId)!.mentorId, s.clientRef);
    const created = new Map(inserted.map((s) => [storedKey(s), s]));
    const notInserted = firsts.filter((c) => !created.has(keys.get(c)!));
    const stored = new Map(created);
    for (const s of await this.findByMentorRefs(notInserted, assignments)) stored.set(storedKey(s), s);

    for (const candidate of [...firsts, ...repeats]) {
      const key = keys.get(candidate)!;
      const isNew = firstByRef.get(key) === candidate && created.has(key);
      outcomes.set(candidate.index, this.resolve(candidate, stored.get(key), isNew));
    }
    return outcomes;
  }

  private async readAssignments(ids: string[]): Promise<Map<string, AssignmentFacts>> {
    const rows = await preparedRows<AssignmentFacts>(
      this.db,
      `SELECT id, programme_id AS "programmeId", mentor_id AS "mentorId",
              starts_on::text AS "startsOn", ends_on::text AS "endsOn"
         FROM mentoring_assignments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  private refusal(
    candidate: SessionCandidate,
    assignment: AssignmentFacts | undefined,
    actor: Actor,
    now: Date,
  ): DomainError | null {
    if (!assignment) {
      return new DomainError(
        ErrorCode.NotFound,
        `assignmentId: mentoring assignment ${candidate.assignmentId} was not found`,
      );
    }
    const forbidden = mentoringAccess.writeRefusal(actor, assignment);
    if (forbidden) return DomainError.forbidden(forbidden);
    const outside = occurredAtRefusal(candidate.occurredAt, assignment, now);
    return outside ? DomainError.invalid(outside) : null;
  }

  /**
   * All candidates in one statement, if their assignments are still as read (else null, and
   * nothing is written): arrays, not one parameter per value (a statement takes at most 65,535).
   * A new row holds exactly what was sent (only mentor_id is set by a trigger), so only what
   * PostgreSQL chose comes back: reading 500 notes, topics and instants back cost more than the
   * insert's own work in the API. A new row's updated_at is its created_at (both now()), its
   * recorded_by the actor. A session logged on its own names itself in its audit event.
   */
  private async insert(
    candidates: SessionCandidate[],
    assignments: Map<string, AssignmentFacts>,
    actor: Actor,
    alone: boolean,
  ): Promise<MentoringSession[] | null> {
    if (candidates.length === 0) return [];
    const read = unique(candidates.map((c) => c.assignmentId)).map((id) => assignments.get(id)!);
    const unchanged = '(SELECT count(*) FROM locked) = cardinality($9::uuid[])';
    const rows = await this.statement.run<InsertedRow>({
      ctes: `locked AS (
          SELECT a.id FROM mentoring_assignments a
            JOIN unnest($9::uuid[], $10::uuid[], $11::uuid[], $12::date[], $13::date[])
                 AS f(id, programme_id, mentor_id, starts_on, ends_on) ON f.id = a.id
           WHERE (a.programme_id, a.mentor_id, a.starts_on) = (f.programme_id, f.mentor_id, f.starts_on)
             AND a.ends_on IS NOT DISTINCT FROM f.ends_on
           ORDER BY a.id FOR SHARE OF a),
        stored AS (
          INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, topics, notes, client_ref, recorded_by)
          SELECT i.assignment_id, i.occurred_at, i.duration_minutes, i.mode,
                 ARRAY(SELECT jsonb_array_elements_text(i.topics::jsonb)), i.notes, i.client_ref, $8::uuid
            FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
                 AS i(assignment_id, occurred_at, duration_minutes, mode, topics, notes, client_ref)
           WHERE ${unchanged}
          ON CONFLICT (mentor_id, client_ref) DO NOTHING
          RETURNING id, assignment_id AS "assignmentId", client_ref AS "clientRef", created_at AS "createdAt")`,
      select: 'SELECT * FROM stored',
      goesAhead: unchanged,
      createdId: alone ? '(SELECT id::text FROM stored)' : undefined,
      params: [
        candidates.map((c) => c.assignmentId),
        candidates.map((c) => c.occurredAt.toISOString()),
        candidates.map((c) => c.durationMinutes),
        candidates.map((c) => c.mode),
        // text[][] must be rectangular; each session's topics travel as one JSON array instead.
        candidates.map((c) => JSON.stringify(c.topics)),
        candidates.map((c) => c.notes),
        candidates.map((c) => c.clientRef),
        actor.userId,
        read.map((a) => a.id),
        read.map((a) => a.programmeId),
        read.map((a) => a.mentorId),
        read.map((a) => a.startsOn),
        read.map((a) => a.endsOn),
      ],
    });
    if (!rows) return null;
    // One mentor per assignment, so (assignment, ref) is as unique among the candidates as (mentor, ref).
    const sent = new Map(candidates.map((c) => [`${c.assignmentId} ${c.clientRef}`, c]));
    // Written out, not spread: spreading the row and adding five fields cost 5 µs a row.
    return rows.map(({ id, assignmentId, clientRef, createdAt }) => {
      const { occurredAt, durationMinutes, mode, topics, notes } = sent.get(`${assignmentId} ${clientRef}`)!;
      return {
        id,
        assignmentId,
        occurredAt,
        durationMinutes,
        mode,
        topics,
        notes,
        clientRef,
        recordedBy: actor.userId,
        createdAt,
        updatedAt: createdAt,
      };
    });
  }

  /** The stored sessions of the candidates' mentors under the candidates' refs. */
  private async findByMentorRefs(
    candidates: SessionCandidate[],
    assignments: Map<string, AssignmentFacts>,
  ): Promise<MentoringSession[]> {
    if (candidates.length === 0) return [];
    return queryRows<MentoringSession>(
      this.db,
      `SELECT ${SESSION_COLUMNS} FROM mentoring_sessions
        WHERE (mentor_id, client_ref) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [candidates.map((c) => assignments.get(c.assignmentId)!.mentorId), candidates.map((c) => c.clientRef)],
    );
  }

  private resolve(
    candidate: SessionCandidate,
    stored: MentoringSession | undefined,
    isNew: boolean,
  ): IngestOutcome {
    const { index, clientRef } = candidate;
    // ON CONFLICT found the row, so a later statement sees it committed.
    if (!stored) throw new Error(`clientRef ${clientRef} neither inserted nor found`);
    if (isNew) return { index, clientRef, status: 'created', session: stored };
    const differs = contentDifferences(candidate, stored);
    if (differs.length === 0) return { index, clientRef, status: 'duplicate', session: stored };
    return {
      index,
      clientRef,
      status: 'conflict',
      reason: conflictReason(clientRef, differs),
      session: stored,
    };
  }
}
