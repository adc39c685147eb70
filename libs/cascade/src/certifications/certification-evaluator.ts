import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, queryRows, SYSTEM_ACTOR } from '@cascade/platform';
import { EVALUATE_CERTIFICATIONS } from './certification-evaluation.sql';
import { CERTIFICATION_LISTENER, CertificationListener } from './certification-listener';

export interface CertificationChange {
  change: 'issue' | 'revoke';
  id: string;
  personId: string;
  number: string;
  reason: string | null;
}

/**
 * Makes a programme's certifications match the rule in one SQL pass. Evaluations of one
 * programme queue behind a transaction-scoped advisory lock, so each sees the previous one's result.
 */
@Injectable()
export class CertificationEvaluator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CERTIFICATION_LISTENER) private readonly listener: CertificationListener,
  ) {}

  /**
   * The queue's evaluation. With personIds (the people a change named; none for the sweep) it also
   * takes the programme's certification marks and evaluates the people they name — everyone whose
   * records moved since an evaluation last took them — or the whole programme when a mark is of its
   * structure or names more than MAX_MARKED_PEOPLE. Without personIds, the whole programme.
   */
  async evaluate(programmeId: string, personIds?: string[]): Promise<CertificationChange[]> {
    const changes = await this.db.transaction(async (tx) => {
      await lockProgrammeCertifications(tx, programmeId);
      if (!personIds) return this.evaluateLocked(tx, programmeId);
      const [{ structural, people }] = await queryRows<{ structural: boolean; people: string[] }>(
        tx,
        TAKE_MARKED_PEOPLE,
        [programmeId],
      );
      const everyone = [...new Set([...personIds, ...people])];
      if (structural || everyone.length > MAX_MARKED_PEOPLE) return this.evaluateLocked(tx, programmeId);
      return everyone.length > 0 ? this.evaluateLocked(tx, programmeId, everyone) : [];
    });
    if (changes.some((c) => c.change === 'issue')) await this.listener.issued(programmeId);
    return changes;
  }

  /** Inside the caller's transaction; a change marks the figures dirty (database triggers). */
  async evaluateIn(
    tx: EntityManager,
    programmeId: string,
    personIds?: string[],
  ): Promise<CertificationChange[]> {
    await lockProgrammeCertifications(tx, programmeId);
    return this.evaluateLocked(tx, programmeId, personIds);
  }

  /** Under the programme's certification lock: the whole programme, or personIds. */
  private async evaluateLocked(
    tx: EntityManager,
    programmeId: string,
    personIds?: string[],
  ): Promise<CertificationChange[]> {
    // Its marks taken before the evaluation, so a write committed meanwhile leaves one pending: due again.
    if (!personIds) await execute(tx, RECORD_WHOLE_EVALUATION, [programmeId]);
    const changes = await queryRows<CertificationChange>(tx, EVALUATE_CERTIFICATIONS, [
      programmeId,
      personIds ?? null,
      SYSTEM_ACTOR.email,
    ]);
    const revoked = changes.filter((c) => c.change === 'revoke').map((c) => c.id);
    if (revoked.length > 0) await this.listener.revokedIn(tx, revoked);
    return changes;
  }
}

/**
 * The programmes whose records moved (a dirty mark of every completion, enrolment and rule
 * change, migration 1764200000000) since an evaluation last took their marks.
 */
export const PROGRAMMES_DUE_FOR_EVALUATION = `
  SELECT p.id FROM programmes p WHERE figures_marks_pending(p.id, 'certification') ORDER BY p.id`;

/** Above this many people marked at once (an import), one whole evaluation instead. */
const MAX_MARKED_PEOPLE = 5_000;

/** The certification marks this transaction sees, taken (take_figures_changes, migration 1764210000000). */
const TAKE_MARKED_PEOPLE = `
  SELECT structural, person_ids AS people FROM take_figures_changes($1, 'certification')`;

const RECORD_WHOLE_EVALUATION = `
  WITH taken AS (SELECT take_figures_marks($1, 'certification'))
  INSERT INTO certification_evaluation_state (programme_id, evaluated_at)
  SELECT p.id, now() FROM programmes p, taken WHERE p.id = $1
  ON CONFLICT (programme_id) DO UPDATE SET evaluated_at = now()`;

/** Serialises every change to one programme's certifications until the transaction ends. */
export async function lockProgrammeCertifications(tx: EntityManager, programmeId: string): Promise<void> {
  await execute(tx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `certifications-${programmeId}`,
  ]);
}
