import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, execute, Page, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { CertificationQueue } from '../certifications/certification-queue';
import { followRecords } from '../enrolments/enrolment-status';
import { CohortsService } from '../cohorts/cohorts.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { assertCompletionDate } from './completion-dates';
import { COMPLETION_VIEW } from './completion-view.sql';
import {
  CohortCompletionQuery,
  CohortCompletionView,
  CompletionQuery,
  CompletionView,
  CreateCompletionDto,
  UpdateCompletionDto,
} from './completion.dto';

/**
 * Completions of courses through an enrolment. Every create and correction re-evaluates the
 * person's certification after commit.
 */
@Injectable()
export class CompletionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly enrolments: EnrolmentsService,
    private readonly cohorts: CohortsService,
    private readonly certification: CertificationQueue,
  ) {}

  async list(enrolmentId: string, query: CompletionQuery, actor: Actor): Promise<Page<CompletionView>> {
    const { cohort } = await this.enrolments.find(this.db.manager, enrolmentId);
    this.access.assertCanRead(actor, cohort);
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM course_completions WHERE enrolment_id = $1`,
      [enrolmentId],
    );
    const items = await queryRows<CompletionView>(
      this.db,
      `${COMPLETION_VIEW} WHERE cc.enrolment_id = $1 ORDER BY cc.completed_on, co.code, cc.id LIMIT $2 OFFSET $3`,
      [enrolmentId, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  /** Every completion of a cohort, by person then course: what a completions grid shows. */
  async listForCohort(
    cohortId: string,
    query: CohortCompletionQuery,
    actor: Actor,
  ): Promise<Page<CohortCompletionView>> {
    await this.cohorts.get(cohortId, actor);
    const params: unknown[] = [cohortId];
    const person = query.personId ? `AND e.person_id = $${params.push(query.personId)}` : '';
    const course = query.courseId ? `AND cc.course_id = $${params.push(query.courseId)}` : '';
    const where = `WHERE e.cohort_id = $1 ${person} ${course}`;
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id ${where}`,
      params,
    );
    const items = await queryRows<CohortCompletionView>(
      this.db,
      `SELECT v.*, p.id AS "personId", p.full_name AS "fullName"
         FROM (${COMPLETION_VIEW} ${where}) v
         JOIN enrolments e ON e.id = v."enrolmentId" JOIN people p ON p.id = e.person_id
        ORDER BY p.full_name, p.id, v."courseCode" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  /** The enrolment row is locked, so a withdrawal and a new completion cannot cross. */
  async create(enrolmentId: string, dto: CreateCompletionDto, actor: Actor): Promise<CompletionView> {
    const { view, programmeId, personId } = await this.db.transaction(async (tx) => {
      const { enrolment, cohort } = await this.enrolments.find(tx, enrolmentId, true);
      this.access.assertCanManage(actor, cohort);
      if (enrolment.status === 'withdrawn') {
        throw DomainError.conflict(
          `status: the enrolment was withdrawn on ${enrolment.withdrawnOn} and takes no new completions`,
        );
      }
      if (!cohort.courseIds.includes(dto.courseId)) {
        throw DomainError.invalid(
          `courseId: course ${dto.courseId} is not a course of cohort '${cohort.name}'`,
        );
      }
      assertCompletionDate(dto.completedOn, enrolment, cohort);
      const [{ id }] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO course_completions (enrolment_id, course_id, completed_on, score) VALUES ($1, $2, $3, $4) RETURNING id`,
        [enrolmentId, dto.courseId, dto.completedOn, dto.score ?? null],
      );
      await followRecords(tx, [enrolmentId]);
      return { view: await this.view(tx, id), programmeId: cohort.programmeId, personId: enrolment.personId };
    });
    await this.afterCommit(programmeId, personId);
    return view;
  }

  async update(
    enrolmentId: string,
    completionId: string,
    dto: UpdateCompletionDto,
    actor: Actor,
  ): Promise<CompletionView> {
    const { view, programmeId, personId } = await this.db.transaction(async (tx) => {
      const { enrolment, cohort } = await this.enrolments.find(tx, enrolmentId, true);
      this.access.assertCanManage(actor, cohort);
      if (dto.completedOn !== undefined) assertCompletionDate(dto.completedOn, enrolment, cohort);
      const { affected } = await execute(
        tx,
        `UPDATE course_completions
            SET completed_on = coalesce($3::date, completed_on),
                score = CASE WHEN $4::boolean THEN $5::numeric ELSE score END,
                updated_at = now()
          WHERE id = $1 AND enrolment_id = $2
          RETURNING id`,
        [completionId, enrolmentId, dto.completedOn ?? null, dto.score !== undefined, dto.score ?? null],
      );
      if (affected === 0) throw DomainError.notFound('completion', completionId);
      return {
        view: await this.view(tx, completionId),
        programmeId: cohort.programmeId,
        personId: enrolment.personId,
      };
    });
    await this.afterCommit(programmeId, personId);
    return view;
  }

  /** A completion recorded by mistake; the enrolment's status steps back and certification is re-evaluated. */
  async remove(enrolmentId: string, completionId: string, actor: Actor): Promise<void> {
    const { programmeId, personId } = await this.db.transaction(async (tx) => {
      const { enrolment, cohort } = await this.enrolments.find(tx, enrolmentId, true);
      this.access.assertCanManage(actor, cohort);
      const { affected } = await execute(
        tx,
        `DELETE FROM course_completions WHERE id = $1 AND enrolment_id = $2 RETURNING id`,
        [completionId, enrolmentId],
      );
      if (affected === 0) throw DomainError.notFound('completion', completionId);
      await followRecords(tx, [enrolmentId]);
      return { programmeId: cohort.programmeId, personId: enrolment.personId };
    });
    await this.afterCommit(programmeId, personId);
  }

  private async afterCommit(programmeId: string, personId: string): Promise<void> {
    await this.certification.requestEvaluation(programmeId, [personId]);
  }

  private async view(manager: EntityManager, id: string): Promise<CompletionView> {
    const [row] = await queryRows<CompletionView>(manager, `${COMPLETION_VIEW} WHERE cc.id = $1`, [id]);
    return row;
  }
}
