import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StatsTrigger, SYSTEM_ACTOR } from '@cascade/platform';
import { EVALUATE_CERTIFICATIONS } from './certification-evaluation.sql';

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
    private readonly stats: StatsTrigger,
  ) {}

  async evaluate(programmeId: string, personIds?: string[]): Promise<CertificationChange[]> {
    const changes = await this.db.transaction((tx) => this.evaluateIn(tx, programmeId, personIds));
    if (changes.length > 0) await this.stats.requestRollup(programmeId);
    return changes;
  }

  /** Inside the caller's transaction; the caller requests the rollup after commit when something changed. */
  async evaluateIn(
    tx: EntityManager,
    programmeId: string,
    personIds?: string[],
  ): Promise<CertificationChange[]> {
    await lockProgrammeCertifications(tx, programmeId);
    const changes: CertificationChange[] = await tx.query(EVALUATE_CERTIFICATIONS, [
      programmeId,
      personIds ?? null,
      SYSTEM_ACTOR.email,
    ]);
    if (changes.length > 0) await this.stats.markDirty(tx, programmeId);
    return changes;
  }
}

/** Serialises every change to one programme's certifications until the transaction ends. */
export async function lockProgrammeCertifications(tx: EntityManager, programmeId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`certifications-${programmeId}`]);
}
