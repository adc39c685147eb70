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

  async evaluate(programmeId: string, personIds?: string[]): Promise<CertificationChange[]> {
    const changes = await this.db.transaction((tx) => this.evaluateIn(tx, programmeId, personIds));
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
 * change, migration 1764200000000) since their last whole evaluation took its marks.
 */
export const PROGRAMMES_DUE_FOR_EVALUATION = `
  SELECT p.id FROM programmes p WHERE figures_marks_pending(p.id, 'certification') ORDER BY p.id`;

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
