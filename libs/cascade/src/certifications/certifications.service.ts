import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, Page, StatsTrigger } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { ProgrammesService } from '../programmes/programmes.service';
import { CERTIFICATION_STANDING } from './certification-evaluation.sql';
import { CertificationEvaluator, lockProgrammeCertifications } from './certification-evaluator';
import { CertificationQuery, CertificationView, EvaluationOutcome } from './certification.dto';

const VIEW = `SELECT ce.id, ce.programme_id AS "programmeId", ce.person_id AS "personId", p.full_name AS "fullName",
                     ce.number, ce.issued_on::text AS "issuedOn", ce.revoked_on IS NOT NULL AS revoked,
                     ce.revoked_on::text AS "revokedOn", ce.revocation_reason AS "revocationReason",
                     ce.blocks_reissue AS "blocksReissue"
                FROM certifications ce JOIN people p ON p.id = ce.person_id`;

/** People in a master teacher's care ($n): in a cohort they lead, or their mentee, in the programme. */
const IN_CARE = (n: number) => `(EXISTS (SELECT 1 FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
                                          WHERE c.programme_id = ce.programme_id AND c.lead_trainer_id = $${n} AND e.person_id = ce.person_id)
                                 OR EXISTS (SELECT 1 FROM mentoring_assignments m
                                             WHERE m.programme_id = ce.programme_id AND m.mentor_id = $${n} AND m.mentee_id = ce.person_id))`;

@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
    private readonly evaluator: CertificationEvaluator,
    private readonly stats: StatsTrigger,
  ) {}

  /** A master teacher sees the certifications of the people in their cohorts and their mentees. */
  async list(programmeId: string, query: CertificationQuery, actor: Actor): Promise<Page<CertificationView>> {
    await this.programmes.get(programmeId);
    const params: unknown[] = [programmeId];
    const where = ['ce.programme_id = $1'];
    if (query.personId) where.push(`ce.person_id = $${params.push(query.personId)}`);
    if (query.active !== undefined)
      where.push(query.active ? 'ce.revoked_on IS NULL' : 'ce.revoked_on IS NOT NULL');
    const carer = this.access.careScope(actor);
    if (carer) where.push(IN_CARE(params.push(carer)));
    const clause = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM certifications ce WHERE ${clause}`,
      params,
    );
    const items: CertificationView[] = await this.db.query(
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
    const { outcome, changed } = await this.db.transaction(async (tx) => {
      await this.programmes.get(programmeId, tx);
      const [person] = await tx.query(`SELECT 1 FROM people WHERE id = $1`, [personId]);
      if (!person) throw DomainError.invalid(`personId: no such person ${personId}`);
      await lockProgrammeCertifications(tx, programmeId);
      await tx.query(
        `UPDATE certifications SET blocks_reissue = false, updated_at = now()
          WHERE programme_id = $1 AND person_id = $2 AND blocks_reissue`,
        [programmeId, personId],
      );
      const changes = await this.evaluator.evaluateIn(tx, programmeId, [personId]);
      const [standing] = await tx.query(CERTIFICATION_STANDING, [programmeId, [personId]]);
      const [certification] = await tx.query(
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
        certification: (certification as CertificationView | undefined) ?? null,
      };
      return { outcome, changed: changes.length > 0 };
    });
    if (changed) await this.stats.requestRollup(programmeId);
    return outcome;
  }

  /** A manual revocation also blocks automatic re-issue (see requestEvaluation). */
  async revoke(id: string, reason: string, actor: Actor): Promise<CertificationView> {
    this.access.assertStaff(actor, 'revoke certifications');
    const view = await this.db.transaction(async (tx) => {
      const current = await this.view(tx, id);
      await lockProgrammeCertifications(tx, current.programmeId);
      const [rows] = await tx.query(
        `UPDATE certifications
            SET revoked_on = current_date, revocation_reason = $2, blocks_reissue = true, updated_at = now()
          WHERE id = $1 AND revoked_on IS NULL
          RETURNING id`,
        [id, reason],
      );
      if ((rows as unknown[]).length === 0) {
        throw DomainError.conflict(
          `revokedOn: certification ${current.number} was already revoked on ${current.revokedOn}`,
        );
      }
      await this.stats.markDirty(tx, current.programmeId);
      return this.view(tx, id);
    });
    await this.stats.requestRollup(view.programmeId);
    return view;
  }

  private async view(manager: EntityManager, id: string): Promise<CertificationView> {
    const [row] = await manager.query(`${VIEW} WHERE ce.id = $1`, [id]);
    if (!row) throw DomainError.notFound('certification', id);
    return row as CertificationView;
  }
}
