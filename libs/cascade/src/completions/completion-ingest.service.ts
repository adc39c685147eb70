import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { CertificationQueue } from '../certifications/certification-queue';
import { Cohort } from '../cohorts/cohort.entity';
import { followRecords } from '../enrolments/enrolment-status';
import { CompletionItemStatus } from './completion-batch.dto';
import { assertCompletionDate } from './completion-dates';
import { COMPLETION_VIEW } from './completion-view.sql';
import { CompletionView } from './completion.dto';

/** A completion to record for a person enrolled in the cohort; clientRef may be absent (imports). */
export interface CompletionCandidate {
  index: number;
  clientRef: string | null;
  personId: string;
  courseId: string;
  completedOn: string;
  score: number | null;
  /** A correction: the stored completion of this person and course whose date and score are replaced. */
  completionId?: string;
}

export interface CompletionOutcome {
  index: number;
  clientRef: string | null;
  status: CompletionItemStatus;
  completion?: CompletionView;
  reason?: string;
}

export interface RecordedCompletions {
  /** One per candidate, in the candidates' order. */
  outcomes: CompletionOutcome[];
  programmeId: string;
  /** The people who got a new or corrected completion. */
  personIds: string[];
}

interface EnrolmentFacts {
  id: string;
  personId: string;
  status: string;
  enrolledOn: string;
}

const key = (enrolmentId: string, courseId: string) => `${enrolmentId}/${courseId}`;

/**
 * Records many completions of one cohort at once, for senders that may resend (a batch from a
 * device, a CSV import). The natural key (enrolment, course) decides what is new —
 * `ON CONFLICT DO NOTHING` — and what did not come back is compared with what is stored: the same
 * content is a duplicate (a success), other content a conflict. A clientRef already used for
 * another completion of the cohort is a conflict too. A candidate naming a completionId corrects
 * that stored completion's date and score instead (the same checks as a new one, except that a
 * withdrawn person's record can still be corrected, as with PATCH).
 */
@Injectable()
export class CompletionIngestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly certification: CertificationQueue,
  ) {}

  /** One outcome per candidate, in the candidates' order; 403/404 for the whole request. */
  async ingest(
    cohortId: string,
    candidates: CompletionCandidate[],
    actor: Actor,
  ): Promise<CompletionOutcome[]> {
    const recorded = await this.db.transaction((tx) => this.record(tx, cohortId, candidates, actor));
    await this.afterCommit(recorded.programmeId, recorded.personIds);
    return recorded.outcomes;
  }

  /** Certification for the people who got a new completion; call after commit (the triggers mark the figures). */
  async afterCommit(programmeId: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.certification.requestEvaluation(programmeId, [...new Set(personIds)]);
  }

  /** The work of ingest inside the caller's transaction (an import batch); then call afterCommit. */
  async record(
    tx: EntityManager,
    cohortId: string,
    candidates: CompletionCandidate[],
    actor: Actor,
  ): Promise<RecordedCompletions> {
    // FOR SHARE: a change of the cohort's courses waits for completions being recorded in it.
    const cohort = await tx.findOne(Cohort, {
      where: { id: cohortId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!cohort) throw DomainError.notFound('cohort', cohortId);
    this.access.assertCanManage(actor, cohort);
    const enrolments = await this.lockEnrolments(tx, cohort.id, candidates);

    const outcomes = new Map<number, CompletionOutcome>();
    const accepted: Array<CompletionCandidate & { enrolmentId: string }> = [];
    for (const c of candidates) {
      const refusal = this.refusal(c, enrolments.get(c.personId), cohort);
      if (refusal)
        outcomes.set(c.index, {
          index: c.index,
          clientRef: c.clientRef,
          status: 'rejected',
          reason: refusal,
        });
      else accepted.push({ ...c, enrolmentId: enrolments.get(c.personId)!.id });
    }

    // Where each clientRef belongs: where it is stored, else the first item of this request that sent it.
    const refs = await this.clientRefsUsed(tx, cohort.id, accepted);
    for (const c of accepted)
      if (c.clientRef && !refs.has(c.clientRef)) refs.set(c.clientRef, key(c.enrolmentId, c.courseId));
    const firsts = new Map<string, (typeof accepted)[number]>();
    for (const c of accepted) {
      const usedFor = c.clientRef ? refs.get(c.clientRef) : undefined;
      if (usedFor && usedFor !== key(c.enrolmentId, c.courseId)) {
        outcomes.set(c.index, {
          index: c.index,
          clientRef: c.clientRef,
          status: 'conflict',
          reason: `clientRef: '${c.clientRef}' was already used for another completion`,
        });
      } else if (!firsts.has(key(c.enrolmentId, c.courseId))) firsts.set(key(c.enrolmentId, c.courseId), c);
    }

    // One order for every batch, so concurrent batches wait on each other instead of deadlocking.
    const ordered = [...firsts.values()].sort((a, b) =>
      key(a.enrolmentId, a.courseId) < key(b.enrolmentId, b.courseId) ? -1 : 1,
    );
    const createdIds = new Set(
      await this.insert(
        tx,
        ordered.filter((c) => !c.completionId),
      ),
    );
    const correctedIds = new Set(
      await this.correct(
        tx,
        ordered.filter((c) => c.completionId),
        await this.stored(tx, ordered),
        outcomes,
      ),
    );
    const stored = await this.stored(tx, ordered);
    for (const c of accepted) {
      if (outcomes.has(c.index)) continue;
      const completion = stored.get(key(c.enrolmentId, c.courseId))!;
      const first = firsts.get(key(c.enrolmentId, c.courseId)) === c;
      if (first && correctedIds.has(completion.id))
        outcomes.set(c.index, { index: c.index, clientRef: c.clientRef, status: 'corrected', completion });
      else outcomes.set(c.index, this.resolve(c, completion, first && createdIds.has(completion.id)));
    }

    const createdEnrolments = [
      ...new Set([...stored.values()].filter((s) => createdIds.has(s.id)).map((s) => s.enrolmentId)),
    ];
    const changedEnrolments = new Set(
      [...stored.values()]
        .filter((s) => createdIds.has(s.id) || correctedIds.has(s.id))
        .map((s) => s.enrolmentId),
    );
    await followRecords(tx, createdEnrolments);
    // Statuses may have moved with the new completions: answer them as they are now.
    const fresh = await this.viewsByIds(
      tx,
      [...stored.values()].map((s) => s.id),
    );
    for (const outcome of outcomes.values())
      if (outcome.completion) outcome.completion = fresh.get(outcome.completion.id);
    const personIds = [...enrolments.values()]
      .filter((e) => changedEnrolments.has(e.id))
      .map((e) => e.personId);
    return {
      outcomes: candidates.map((c) => outcomes.get(c.index)!),
      programmeId: cohort.programmeId,
      personIds,
    };
  }

  /** The enrolments of the named people, locked so a withdrawal and these completions cannot cross. */
  private async lockEnrolments(
    tx: EntityManager,
    cohortId: string,
    candidates: CompletionCandidate[],
  ): Promise<Map<string, EnrolmentFacts>> {
    const rows = await queryRows<EnrolmentFacts>(
      tx,
      `SELECT id, person_id AS "personId", status, enrolled_on::text AS "enrolledOn" FROM enrolments
        WHERE cohort_id = $1 AND person_id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [cohortId, [...new Set(candidates.map((c) => c.personId))]],
    );
    return new Map(rows.map((r) => [r.personId, r]));
  }

  private refusal(
    c: CompletionCandidate,
    enrolment: EnrolmentFacts | undefined,
    cohort: Cohort,
  ): string | null {
    if (!enrolment) return `personId: person ${c.personId} is not enrolled in cohort '${cohort.name}'`;
    if (enrolment.status === 'withdrawn' && !c.completionId) {
      return `status: person ${c.personId} withdrew from cohort '${cohort.name}' and takes no new completions`;
    }
    if (!cohort.courseIds.includes(c.courseId)) {
      return `courseId: course ${c.courseId} is not a course of cohort '${cohort.name}'`;
    }
    try {
      assertCompletionDate(c.completedOn, enrolment, cohort);
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
    return null;
  }

  /** clientRef → the (enrolment, course) it is stored with in this cohort. */
  private async clientRefsUsed(
    tx: EntityManager,
    cohortId: string,
    candidates: CompletionCandidate[],
  ): Promise<Map<string, string>> {
    const refs = [...new Set(candidates.map((c) => c.clientRef).filter((r): r is string => r !== null))];
    if (refs.length === 0) return new Map();
    const rows: Array<{ clientRef: string; enrolmentId: string; courseId: string }> = await queryRows<{
      clientRef: string;
      enrolmentId: string;
      courseId: string;
    }>(
      tx,
      `SELECT cc.client_ref AS "clientRef", cc.enrolment_id AS "enrolmentId", cc.course_id AS "courseId"
         FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id
        WHERE e.cohort_id = $1 AND cc.client_ref = ANY($2::text[])`,
      [cohortId, refs],
    );
    return new Map(rows.map((r) => [r.clientRef, key(r.enrolmentId, r.courseId)]));
  }

  /** All rows in one statement: arrays, not one parameter per value. Answers the ids created. */
  private async insert(
    tx: EntityManager,
    rows: Array<CompletionCandidate & { enrolmentId: string }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const created = await queryRows<{ id: string }>(
      tx,
      `INSERT INTO course_completions (enrolment_id, course_id, completed_on, score, client_ref)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::numeric[], $5::text[])
       ON CONFLICT ON CONSTRAINT uq_course_completions_course DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.enrolmentId),
        rows.map((r) => r.courseId),
        rows.map((r) => r.completedOn),
        rows.map((r) => r.score),
        rows.map((r) => r.clientRef),
      ],
    );
    return created.map((r) => r.id);
  }

  /**
   * Replaces the date and score of each correction's stored completion, in one statement; a
   * completionId that is not the stored completion of that person and course is rejected, and a
   * correction that changes nothing is left to resolve as a duplicate. Answers the ids changed.
   */
  private async correct(
    tx: EntityManager,
    corrections: Array<CompletionCandidate & { enrolmentId: string }>,
    stored: Map<string, CompletionView>,
    outcomes: Map<number, CompletionOutcome>,
  ): Promise<string[]> {
    const changes = corrections.filter((c) => {
      const completion = stored.get(key(c.enrolmentId, c.courseId));
      if (!completion || completion.id !== c.completionId) {
        outcomes.set(c.index, {
          index: c.index,
          clientRef: c.clientRef,
          status: 'rejected',
          reason: `completionId: completion ${c.completionId} is not the stored completion of course ${c.courseId} by person ${c.personId}`,
        });
        return false;
      }
      return completion.completedOn !== c.completedOn || (completion.score ?? null) !== c.score;
    });
    if (changes.length === 0) return [];
    const updated = await queryRows<{ id: string }>(
      tx,
      `UPDATE course_completions cc SET completed_on = k.completed_on, score = k.score, updated_at = now()
         FROM unnest($1::uuid[], $2::date[], $3::numeric[]) AS k(id, completed_on, score)
        WHERE cc.id = k.id
        RETURNING cc.id`,
      [changes.map((c) => c.completionId), changes.map((c) => c.completedOn), changes.map((c) => c.score)],
    );
    return updated.map((r) => r.id);
  }

  /** What is stored now for each (enrolment, course) of the candidates. */
  private async stored(
    tx: EntityManager,
    rows: Array<{ enrolmentId: string; courseId: string }>,
  ): Promise<Map<string, CompletionView>> {
    if (rows.length === 0) return new Map();
    const views = await queryRows<CompletionView>(
      tx,
      `${COMPLETION_VIEW} JOIN unnest($1::uuid[], $2::uuid[]) AS k(enrolment_id, course_id)
          ON k.enrolment_id = cc.enrolment_id AND k.course_id = cc.course_id`,
      [rows.map((r) => r.enrolmentId), rows.map((r) => r.courseId)],
    );
    return new Map(views.map((v) => [key(v.enrolmentId, v.courseId), v]));
  }

  private async viewsByIds(tx: EntityManager, ids: string[]): Promise<Map<string, CompletionView>> {
    if (ids.length === 0) return new Map();
    const views = await queryRows<CompletionView>(tx, `${COMPLETION_VIEW} WHERE cc.id = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Map(views.map((v) => [v.id, v]));
  }

  private resolve(c: CompletionCandidate, stored: CompletionView, isNew: boolean): CompletionOutcome {
    const { index, clientRef } = c;
    if (isNew) return { index, clientRef, status: 'created', completion: stored };
    const differs: string[] = [];
    if (stored.completedOn !== c.completedOn) differs.push(`completedOn ${stored.completedOn}`);
    if ((stored.score ?? null) !== (c.score ?? null)) differs.push(`score ${stored.score ?? 'none'}`);
    if (differs.length === 0) return { index, clientRef, status: 'duplicate', completion: stored };
    return {
      index,
      clientRef,
      status: 'conflict',
      completion: stored,
      reason: `courseId: course ${stored.courseCode} is already completed with ${differs.join(' and ')}`,
    };
  }
}
