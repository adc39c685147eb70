import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, Page, queryRows } from '@cascade/platform';
import { TrainersService } from '@cascade/cascade';
import { mentoringAccess } from '../access/mentoring-access';
import { endOfGrace } from '../sessions/session-window';
import {
  AssignmentQuery,
  AssignmentView,
  CreateAssignmentDto,
  ReassignDto,
  UpdateAssignmentDto,
} from './assignment.dto';
import { MentoringAssignment } from './mentoring-assignment.entity';

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trainers: TrainersService,
  ) {}

  async list(query: AssignmentQuery, actor: Actor): Promise<Page<AssignmentView>> {
    const mentorId = mentoringAccess.mentorScope(actor, query.mentorId);
    const qb = this.db
      .getRepository(MentoringAssignment)
      .createQueryBuilder('a')
      .orderBy('a.startsOn', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (mentorId) qb.andWhere('a.mentorId = :mentorId', { mentorId });
    if (query.menteeId) qb.andWhere('a.menteeId = :menteeId', { menteeId: query.menteeId });
    if (query.programmeId) qb.andWhere('a.programmeId = :programmeId', { programmeId: query.programmeId });
    if (query.active !== undefined) qb.andWhere(query.active ? 'a.endsOn IS NULL' : 'a.endsOn IS NOT NULL');
    const [rows, total] = await qb.getManyAndCount();
    return Page.of(rows.map(AssignmentView.of), total, query);
  }

  /** The assignment, if the actor may read it (404, or 403 for another mentor's). */
  async get(id: string, actor: Actor): Promise<MentoringAssignment> {
    const assignment = await this.db.manager.findOneBy(MentoringAssignment, { id });
    if (!assignment) throw DomainError.notFound('Mentoring assignment', id);
    mentoringAccess.assertCanRead(actor, assignment);
    return assignment;
  }

  async create(dto: CreateAssignmentDto): Promise<MentoringAssignment> {
    const assignment = await this.db.transaction(async (tx) => {
      await this.assertParticipant(tx, dto.programmeId, dto.menteeId);
      await this.assertTrainer(tx, dto.programmeId, dto.mentorId);
      const saved = await tx.save(
        tx.create(MentoringAssignment, {
          programmeId: dto.programmeId,
          mentorId: dto.mentorId,
          menteeId: dto.menteeId,
          startsOn: dto.startsOn,
          endsOn: dto.endsOn ?? null,
          goals: dto.goals ?? null,
        }),
      ); // a second active assignment of the mentee → uq_mentoring_assignments_active_mentee → 409
      return saved;
    });
    return assignment;
  }

  /** Goals and the end date; an ended assignment stays, with its sessions, as history. */
  async update(id: string, dto: UpdateAssignmentDto): Promise<MentoringAssignment> {
    const assignment = await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      if (dto.endsOn) await this.assertNoSessionsAfter(tx, current, dto.endsOn);
      if (dto.endsOn !== undefined) current.endsOn = dto.endsOn;
      if (dto.goals !== undefined) current.goals = dto.goals;
      const saved = await tx.save(current);
      return saved;
    });
    return assignment;
  }

  /**
   * Ends the assignment on the day the new mentor starts and opens the new one, in one
   * transaction: the mentee is never without a mentor or with two.
   */
  async reassign(id: string, dto: ReassignDto): Promise<MentoringAssignment> {
    const assignment = await this.db.transaction(async (tx) => {
      const previous = await this.lock(tx, id);
      if (previous.endsOn !== null) {
        throw DomainError.conflict(
          `endsOn: assignment ${id} already ended on ${previous.endsOn}; create a new assignment instead`,
        );
      }
      if (dto.mentorId === previous.mentorId) {
        throw DomainError.invalid(`mentorId: ${dto.mentorId} is already the mentor of assignment ${id}`);
      }
      if (dto.startsOn < previous.startsOn) {
        throw DomainError.invalid(
          `startsOn: ${dto.startsOn} is before the current assignment started (${previous.startsOn})`,
        );
      }
      await this.assertTrainer(tx, previous.programmeId, dto.mentorId);
      await this.assertNoSessionsAfter(tx, previous, dto.startsOn);
      previous.endsOn = dto.startsOn;
      await tx.save(previous);
      const next = await tx.save(
        tx.create(MentoringAssignment, {
          programmeId: previous.programmeId,
          mentorId: dto.mentorId,
          menteeId: previous.menteeId,
          startsOn: dto.startsOn,
          endsOn: null,
          goals: dto.goals ?? previous.goals,
        }),
      );
      return next;
    });
    return assignment;
  }

  private async lock(tx: EntityManager, id: string): Promise<MentoringAssignment> {
    const assignment = await tx.findOne(MentoringAssignment, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!assignment) throw DomainError.notFound('Mentoring assignment', id);
    return assignment;
  }

  private async assertTrainer(tx: EntityManager, programmeId: string, mentorId: string): Promise<void> {
    if (!(await this.trainers.isTrainer(programmeId, mentorId, undefined, tx))) {
      throw DomainError.invalid(
        `mentorId: ${mentorId} is not a trainer of programme ${programmeId} (a master teacher, or a completer of every core course)`,
      );
    }
  }

  private async assertParticipant(tx: EntityManager, programmeId: string, menteeId: string): Promise<void> {
    const [row] = await queryRows<{ programme: boolean; participant: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM programmes WHERE id = $1) AS programme,
              EXISTS (SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
                       WHERE c.programme_id = $1 AND e.person_id = $2) AS participant`,
      [programmeId, menteeId],
    );
    if (!row.programme) throw DomainError.invalid(`programmeId: programme ${programmeId} was not found`);
    if (!row.participant) {
      throw DomainError.invalid(
        `menteeId: ${menteeId} is not a participant of programme ${programmeId} (no enrolment in its cohorts)`,
      );
    }
  }

  /**
   * Sessions are logged against the assignment's dates; ending it before its last session
   * would leave sessions outside it. Session writes hold FOR SHARE on the assignment, so the
   * FOR UPDATE taken by lock() makes this check and the new end date one consistent step.
   */
  private async assertNoSessionsAfter(
    tx: EntityManager,
    assignment: MentoringAssignment,
    endsOn: string,
  ): Promise<void> {
    const [row] = await queryRows<{ last: Date | null }>(
      tx,
      `SELECT max(occurred_at) AS last FROM mentoring_sessions WHERE assignment_id = $1 AND occurred_at >= $2`,
      [assignment.id, endOfGrace(endsOn)],
    );
    if (row.last) {
      throw DomainError.invalid(
        `endsOn: a session of assignment ${assignment.id} took place at ${(row.last as Date).toISOString()}, more than a day after ${endsOn}`,
      );
    }
  }
}
