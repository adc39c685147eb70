import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, execute, Page, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { ProgrammesService } from '../programmes/programmes.service';
import { CERTIFICATION_STANDING, CertificationStanding } from './certification-evaluation.sql';
import { CertificationEvaluator, lockProgrammeCertifications } from './certification-evaluator';
import { CERTIFICATION_LISTENER, CertificationListener } from './certification-listener';
import {
  BulkRevokeResult,
  CertificationQuery,
  CertificationView,
  EvaluationOutcome,
  RevokedCertification,
} from './certification.dto';

/** The programmes of these certifications, sorted: locks are always taken in this order. */
const programmesOf = (certifications: CertificationView[]) =>
  [...new Set(certifications.map((c) => c.programmeId))].sort();

const VIEW = `SELECT ce.id, ce.programme_id AS "programmeId", ce.person_id AS "personId", p.full_name AS "fullName",
                     ce.number, ce.issued_on::text AS "issuedOn", ce.revoked_on IS NOT NULL AS revoked,
                     ce.revoked_on::text AS "revokedOn", ce.revocation_reason AS "revocationReason",
                     ce.blocks_reissue AS "blocksReissue"
                FROM certifications ce JOIN people p ON p.id = ce.person_id`;

@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
    private readonly evaluator: CertificationEvaluator,
    @Inject(CERTIFICATION_LISTENER) private readonly listener: CertificationListener,
  ) {}

  /** A master teacher sees the certifications of the people in their cohorts and their mentees. */
  async list(programmeId: string, query: CertificationQuery, actor: Actor): Promise<Page<CertificationView>> {
    await this.programmes.get(programmeId);
    const params: unknown[] = [programmeId];
    const where = ['ce.programme_id = $1'];
    if (query.personId) where.push(`ce.person_id = $${params.push(query.personId)}`);
    if (query.active !== undefined)
      where.push(query.active ? 'ce.revoked_on IS NULL' : 'ce.revoked_on IS NOT NULL');
    const inCare = await this.access.careCondition(
      actor,
      { programme: 'ce.programme_id', person: 'ce.person_id' },
      params,
    );
    if (inCare) where.push(inCare);
    const clause = where.join(' AND ');
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM certifications ce WHERE ${clause}`,
      params,
    );
    const items = await queryRows<CertificationView>(
      this.db,
      `${VIEW} WHERE ${clause} ORDER BY ce.issued_on, ce.number LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  /**
   * Evaluates one person now, synchronously, and answers where they stand. Asking again is how
   * a coordinator lifts the block a manual revocation put on automatic re-issue.
   */
  async requestEvaluation(programmeId: string, personId: string, actor: Actor): Promise<EvaluationOutcome> {
    this.access.assertStaff(actor, 'ask for a certification evaluation');
    const outcome = await this.db.transaction(async (tx) => {
      await this.programmes.get(programmeId, tx);
      const [person] = await queryRows<{ exists: 1 }>(tx, `SELECT 1 FROM people WHERE id = $1`, [personId]);
      if (!person) throw DomainError.invalid(`personId: no such person ${personId}`);
      await lockProgrammeCertifications(tx, programmeId);
      await execute(
        tx,
        `UPDATE certifications SET blocks_reissue = false, updated_at = now()
          WHERE programme_id = $1 AND person_id = $2 AND blocks_reissue`,
        [programmeId, personId],
      );
      const changes = await this.evaluator.evaluateIn(tx, programmeId, [personId]);
      const [standing] = await queryRows<CertificationStanding>(tx, CERTIFICATION_STANDING, [
        programmeId,
        [personId],
      ]);
      const [certification] = await queryRows<CertificationView>(
        tx,
        `${VIEW} WHERE ce.programme_id = $1 AND ce.person_id = $2 AND ce.revoked_on IS NULL`,
        [programmeId, personId],
      );
      const change =
        changes[0]?.change === 'issue' ? 'issued' : changes[0]?.change === 'revoke' ? 'revoked' : 'unchanged';
      const { passMark, coreCourseIds } = await this.programmes.get(programmeId, tx);
      const outcome: EvaluationOutcome = {
        programmeId,
        personId,
        completedCoreCourses: standing?.completedCoreCourses ?? 0,
        coreCourses: standing?.coreCourses ?? coreCourseIds.length,
        score: standing?.score ?? 0,
        passMark,
        qualifies: standing?.qualifies ?? false,
        change,
        certification: certification ?? null,
      };
      return outcome;
    });
    if (outcome.change === 'issued') await this.listener.issued(programmeId);
    return outcome;
  }

  /** A manual revocation also blocks automatic re-issue (see requestEvaluation). */
  async revoke(id: string, reason: string, actor: Actor): Promise<CertificationView> {
    this.access.assertStaff(actor, 'revoke certifications');
    const view = await this.db.transaction(async (tx) => {
      await this.revokeIn(tx, [await this.view(tx, id)], reason);
      return this.view(tx, id);
    });
    return view;
  }

  /** Revokes every listed certification with one reason in one transaction: all of them, or none. */
  async revokeMany(ids: string[], reason: string, actor: Actor): Promise<BulkRevokeResult> {
    this.access.assertStaff(actor, 'revoke certifications');
    const unique = [...new Set(ids)];
    const revoked = await this.db.transaction(async (tx) => {
      const current = await queryRows<CertificationView>(tx, `${VIEW} WHERE ce.id = ANY($1::uuid[])`, [
        unique,
      ]);
      if (current.length < unique.length) {
        const known = new Set(current.map((c) => c.id));
        const missing = unique.filter((id) => !known.has(id));
        throw DomainError.invalid(
          `certificationIds: ${missing.length} certification(s) were not found, e.g. ${missing[0]}`,
          [{ field: 'certificationIds', problems: missing.map((id) => `${id} was not found`) }],
        );
      }
      return this.revokeIn(tx, current, reason);
    });
    return { revoked: revoked.length, certifications: revoked };
  }

  /**
   * The one revocation statement: blocks automatic re-issue and lets the listener flip the
   * credentials' status bits, all in the caller's transaction (triggers mark the figures dirty).
   */
  private async revokeIn(
    tx: EntityManager,
    certifications: CertificationView[],
    reason: string,
  ): Promise<RevokedCertification[]> {
    const already = certifications.filter((c) => c.revoked);
    if (already.length > 0) {
      const [first] = already;
      throw DomainError.conflict(
        `revokedOn: certification ${first.number} was already revoked on ${first.revokedOn}` +
          (already.length > 1 ? ` (and ${already.length - 1} more)` : ''),
        { alreadyRevoked: already.map((c) => c.number) },
      );
    }
    const programmeIds = programmesOf(certifications);
    for (const programmeId of programmeIds) await lockProgrammeCertifications(tx, programmeId);
    const ids = certifications.map((c) => c.id);
    const revoked = await queryRows<RevokedCertification>(
      tx,
      `UPDATE certifications
          SET revoked_on = current_date, revocation_reason = $2, blocks_reissue = true, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND revoked_on IS NULL
        RETURNING id, number`,
      [ids, reason],
    );
    if (revoked.length < ids.length)
      throw DomainError.conflict('revokedOn: a certification was revoked meanwhile; nothing was revoked');
    await this.listener.revokedIn(tx, ids);
    return revoked.sort((a, b) => a.number.localeCompare(b.number));
  }

  private async view(manager: EntityManager, id: string): Promise<CertificationView> {
    const [row] = await queryRows<CertificationView>(manager, `${VIEW} WHERE ce.id = $1`, [id]);
    if (!row) throw DomainError.notFound('certification', id);
    return row;
  }
}
