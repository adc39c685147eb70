import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, execute, Page, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { CertificationQueue } from '../certifications/certification-queue';
import { Cohort } from '../cohorts/cohort.entity';
import { CohortsService } from '../cohorts/cohorts.service';
import {
  admit,
  Admission,
  cohortFull,
  EnrolCandidate,
  EnrolRefusal,
  PLACES_TAKEN_SQL,
} from './enrolment-rules';
import { followRecords } from './enrolment-status';
import { CreateEnrolmentDto, EnrolmentQuery, EnrolmentView, UpdateEnrolmentDto } from './enrolment.dto';

const VIEW = `SELECT e.id, e.cohort_id AS "cohortId", c.programme_id AS "programmeId", e.person_id AS "personId",
                     p.full_name AS "fullName", e.status, e.enrolled_on::text AS "enrolledOn", e.withdrawn_on::text AS "withdrawnOn"
                FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN people p ON p.id = e.person_id`;

/** $1 the cohort, $2 person ids: existing enrolments stay as they are (uq_enrolments_person). */
const ENROL_MANY_SQL = `
  INSERT INTO enrolments (cohort_id, person_id, status, enrolled_on)
  SELECT $1, person_id, 'enrolled', current_date FROM unnest($2::uuid[]) AS r(person_id)
  ON CONFLICT (cohort_id, person_id) DO NOTHING
  RETURNING person_id`;

/** An enrolment with the cohort it belongs to, for access checks. */
export interface EnrolmentInCohort {
  enrolment: EnrolmentView;
  cohort: Cohort;
}

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly cohorts: CohortsService,
    private readonly certification: CertificationQueue,
  ) {}

  async list(cohortId: string, query: EnrolmentQuery, actor: Actor): Promise<Page<EnrolmentView>> {
    await this.cohorts.get(cohortId, actor);
    const params: unknown[] = [cohortId];
    const status = query.status ? `AND e.status = $${params.push(query.status)}` : '';
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM enrolments e WHERE e.cohort_id = $1 ${status}`,
      params,
    );
    const items = await queryRows<EnrolmentView>(
      this.db,
      `${VIEW} WHERE e.cohort_id = $1 ${status} ORDER BY p.full_name, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  /**
   * The cohort row is locked, so enrolments arriving together are counted one after another
   * and capacity is never exceeded; a second enrolment of the person violates uq_enrolments_person.
   */
  async enrol(cohortId: string, dto: CreateEnrolmentDto, actor: Actor): Promise<EnrolmentView> {
    const view = await this.db.transaction(async (tx) => {
      const cohort = await this.cohorts.lock(tx, cohortId);
      await this.access.assertMayEnrol(actor, cohort, dto.enrolledOn, tx);
      const { refusals } = await admit(tx, cohort, [{ index: 0, personId: dto.personId }]);
      if (refusals.length > 0) throw refusalError(refusals[0]);
      const [{ id }] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO enrolments (cohort_id, person_id, status, enrolled_on) VALUES ($1, $2, 'enrolled', coalesce($3::date, current_date)) RETURNING id`,
        [cohortId, dto.personId, dto.enrolledOn ?? null],
      );
      return this.view(tx, id);
    });
    return view;
  }

  /**
   * The enrolment rules for many candidates at once, changing nothing: which of them would
   * enrol (or keep the enrolment they hold) and why each other one would not. For a caller that
   * creates people only for the rows that enrol (a roster import); `cohort` is locked by the
   * caller (CohortsService.lock) for its transaction.
   */
  admit(tx: EntityManager, cohort: Cohort, candidates: EnrolCandidate[]): Promise<Admission> {
    return admit(tx, cohort, candidates);
  }

  /**
   * Enrols many people in one locked cohort with set-based statements, by the same rules as
   * enrol(): refused candidates come back with their index, field and message, the others are
   * enrolled today; a person who holds an enrolment in the cohort keeps it as it is. Answers how
   * many enrolments were created.
   */
  async enrolMany(
    tx: EntityManager,
    cohort: Cohort,
    candidates: { index: number; personId: string }[],
  ): Promise<{ enrolled: number; refusals: EnrolRefusal[] }> {
    const { admitted, refusals } = await admit(tx, cohort, candidates);
    const byIndex = new Map(candidates.map((c) => [c.index, c.personId]));
    if (admitted.length === 0) return { enrolled: 0, refusals };
    const people = [...new Set(admitted.map((i) => byIndex.get(i)))];
    const created = await queryRows<{ person_id: string }>(tx, ENROL_MANY_SQL, [cohort.id, people]);
    return { enrolled: created.length, refusals };
  }

  /**
   * Withdrawal is the person's decision and frees the place; any other status brings a withdrawn
   * enrolment back (a free place needed again), and the status then follows its records.
   */
  async update(id: string, dto: UpdateEnrolmentDto, actor: Actor): Promise<EnrolmentView> {
    let changed = false;
    const view = await this.db.transaction(async (tx) => {
      const { enrolment } = await this.find(tx, id);
      const cohort = await this.cohorts.lock(tx, enrolment.cohortId);
      this.access.assertCanManage(actor, cohort);
      const [current] = await queryRows<{ status: string }>(
        tx,
        `SELECT status FROM enrolments WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const withdraw = dto.status === 'withdrawn';
      if ((current.status === 'withdrawn') === withdraw) return this.view(tx, id);
      if (!withdraw) await this.assertHasPlace(tx, cohort);
      changed = true;
      await execute(
        tx,
        `UPDATE enrolments
            SET status = CASE WHEN $2 THEN 'withdrawn' ELSE 'enrolled' END,
                withdrawn_on = CASE WHEN $2 THEN current_date END, updated_at = now()
          WHERE id = $1`,
        [id, withdraw],
      );
      if (!withdraw) await followRecords(tx, [id]);
      return this.view(tx, id);
    });
    if (changed) await this.certification.requestEvaluation(view.programmeId, [view.personId]);
    return view;
  }

  /** The enrolment and its cohort; pass lockEnrolment to hold the enrolment row for the transaction. */
  async find(manager: EntityManager, id: string, lockEnrolment = false): Promise<EnrolmentInCohort> {
    if (lockEnrolment) await execute(manager, `SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE`, [id]);
    const [enrolment] = await queryRows<EnrolmentView>(manager, `${VIEW} WHERE e.id = $1`, [id]);
    if (!enrolment) throw DomainError.notFound('enrolment', id);
    const cohort = await manager.findOneByOrFail(Cohort, { id: enrolment.cohortId });
    return { enrolment, cohort };
  }

  private async assertHasPlace(tx: EntityManager, cohort: Cohort): Promise<void> {
    const [{ taken }] = await queryRows<{ taken: number }>(tx, PLACES_TAKEN_SQL, [cohort.id]);
    if (taken >= cohort.capacity) throw refusalError(cohortFull(cohort, taken));
  }

  private async view(manager: EntityManager, id: string): Promise<EnrolmentView> {
    const [row] = await queryRows<EnrolmentView>(manager, `${VIEW} WHERE e.id = $1`, [id]);
    return row;
  }
}

/** A refusal as the API answers it: the field or rule first, then why. */
function refusalError(refusal: EnrolRefusal): DomainError {
  return new DomainError(refusal.code, `${refusal.field}: ${refusal.message}`);
}
