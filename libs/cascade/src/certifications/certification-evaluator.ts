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
    // Read before the evaluation, so a write committed meanwhile leaves the programme due again.
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
 * The programmes whose records moved (programme_figures_state.dirty_version, bumped by every
 * completion, enrolment and rule change) past their last whole evaluation.
 */
export const PROGRAMMES_DUE_FOR_EVALUATION = `
  SELECT f.programme_id AS id
    FROM programme_figures_state f
    LEFT JOIN certification_evaluation_state s ON s.programme_id = f.programme_id
   WHERE f.dirty_version > coalesce(s.evaluated_version, -1)
   ORDER BY f.programme_id`;

const RECORD_WHOLE_EVALUATION = `
  INSERT INTO certification_evaluation_state (programme_id, evaluated_version, evaluated_at)
  SELECT p.id, coalesce(f.dirty_version, 0), now()
    FROM programmes p LEFT JOIN programme_figures_state f ON f.programme_id = p.id
   WHERE p.id = $1
  ON CONFLICT (programme_id) DO UPDATE SET evaluated_version = EXCLUDED.evaluated_version, evaluated_at = now()`;

/** Serialises every change to one programme's certifications until the transaction ends. */
export async function lockProgrammeCertifications(tx: EntityManager, programmeId: string): Promise<void> {
  await execute(tx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `certifications-${programmeId}`,
  ]);
}
