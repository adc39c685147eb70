import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, definedFields, DomainError, ErrorCode, Page, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { followRecordsOfCohort } from '../enrolments/enrolment-status';
import { ProgrammesService } from '../programmes/programmes.service';
import { CascadeRound } from '../rounds/cascade-round.entity';
import { RoundsService } from '../rounds/rounds.service';
import { assertAllExist, assertWithin } from '../shared/references';
import { TrainersService } from '../trainers/trainers.service';
import { CohortQuery, CohortView, CreateCohortDto, UpdateCohortDto } from './cohort.dto';
import { Cohort } from './cohort.entity';

const VIEW = `SELECT c.id, c.programme_id AS "programmeId", c.round_id AS "roundId", c.name, c.name_mn AS "nameMn", c.region_id AS "regionId",
                     c.lead_trainer_id AS "leadTrainerId", c.course_ids AS "courseIds", c.delivery_mode AS "deliveryMode",
                     c.language, c.capacity, c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
                     (SELECT count(*)::int FROM enrolments e WHERE e.cohort_id = c.id AND e.status <> 'withdrawn') AS enrolled
                FROM cohorts c`;

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
    private readonly rounds: RoundsService,
    private readonly trainers: TrainersService,
  ) {}

  /** A master teacher sees only the cohorts they lead. */
  async list(query: CohortQuery, actor: Actor): Promise<Page<CohortView>> {
    const filters: Array<[string, string | undefined]> = [
      ['c.programme_id', query.programmeId],
      ['c.round_id', query.roundId],
      ['c.region_id', query.regionId],
      ['c.lead_trainer_id', query.leadTrainerId],
      ['c.lead_trainer_id', this.access.leadTrainerScope(actor)],
    ];
    const params: unknown[] = [];
    const where = filters
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `${column} = $${params.push(value)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM cohorts c ${clause}`,
      params,
    );
    const items = await queryRows<CohortView>(
      this.db,
      `${VIEW} ${clause} ORDER BY c.starts_on, c.name, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  async get(id: string, actor: Actor): Promise<CohortView> {
    const view = await this.view(this.db.manager, id);
    this.access.assertCanRead(actor, view);
    return view;
  }

  /** The cohort row locked FOR UPDATE: enrolments into it and changes to it queue behind each other. */
  async lock(manager: EntityManager, id: string): Promise<Cohort> {
    const cohort = await manager.findOne(Cohort, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cohort) throw DomainError.notFound('cohort', id);
    return cohort;
  }

  async create(dto: CreateCohortDto, actor: Actor): Promise<CohortView> {
    this.access.assertStaff(actor, 'create cohorts');
    const view = await this.db.transaction(async (tx) => {
      const round = await this.rounds.lock(tx, dto.roundId, 'pessimistic_read');
      await this.programmes.lock(tx, round.programmeId, 'pessimistic_read');
      assertWithin(dto, round, `round '${round.name}'`);
      await assertAllExist(tx, 'courses', dto.courseIds, 'courseIds');
      await this.assertMayLead(tx, round, dto.leadTrainerId);
      const cohort = await tx.save(
        tx.create(Cohort, {
          language: 'mn',
          ...definedFields(dto),
          courseIds: [...new Set(dto.courseIds)],
          programmeId: round.programmeId,
        }),
      );
      return this.view(tx, cohort.id);
    });
    return view;
  }

  async update(id: string, dto: UpdateCohortDto, actor: Actor): Promise<CohortView> {
    this.access.assertStaff(actor, 'change cohorts');
    const view = await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const round = await this.rounds.lock(tx, current.roundId, 'pessimistic_read');
      await this.programmes.lock(tx, round.programmeId, 'pessimistic_read');
      const next = tx.create(Cohort, { ...current, ...definedFields(dto) });
      next.courseIds = [...new Set(next.courseIds)];
      assertWithin(next, round, `round '${round.name}'`);
      await assertAllExist(tx, 'courses', dto.courseIds, 'courseIds');
      if (next.leadTrainerId !== current.leadTrainerId)
        await this.assertMayLead(tx, round, next.leadTrainerId);
      await this.assertKeepsItsRecords(tx, next);
      await tx.save(next);
      await followRecordsOfCohort(tx, id);
      return this.view(tx, id);
    });
    return view;
  }

  /** The cascade rule: a master teacher of the programme, or a graduate of an earlier round. */
  private async assertMayLead(tx: EntityManager, round: CascadeRound, personId: string): Promise<void> {
    const [person] = await queryRows<{ exists: 1 }>(tx, `SELECT 1 FROM people WHERE id = $1`, [personId]);
    if (!person) throw DomainError.invalid(`leadTrainerId: no such person ${personId}`);
    if (await this.trainers.isTrainer(round.programmeId, personId, round.number, tx)) return;
    throw new DomainError(
      ErrorCode.LeadTrainerNotEligible,
      `leadTrainerId: person ${personId} may not lead a cohort of round ${round.number}: a lead trainer is a master teacher ` +
        `of the programme or has a completion of every core course through cohorts of earlier rounds`,
    );
  }

  /** A smaller capacity must hold the places taken; a dropped course must have no completions. */
  private async assertKeepsItsRecords(tx: EntityManager, cohort: Cohort): Promise<void> {
    const [row] = await queryRows<{ taken: number; orphaned: number }>(
      tx,
      `SELECT (SELECT count(*)::int FROM enrolments WHERE cohort_id = $1 AND status <> 'withdrawn') AS taken,
              (SELECT count(*)::int FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id
                WHERE e.cohort_id = $1 AND cc.course_id <> ALL($2::uuid[])) AS orphaned`,
      [cohort.id, cohort.courseIds],
    );
    if (row.taken > cohort.capacity) {
      throw DomainError.conflict(
        `capacity: cohort '${cohort.name}' has ${row.taken} places taken, more than ${cohort.capacity}`,
      );
    }
    if (row.orphaned > 0)
      throw DomainError.conflict(`courseIds: ${row.orphaned} completion(s) exist for a course being removed`);
  }

  private async view(manager: EntityManager, id: string): Promise<CohortView> {
    const [row] = await queryRows<CohortView>(manager, `${VIEW} WHERE c.id = $1`, [id]);
    if (!row) throw DomainError.notFound('cohort', id);
    return row;
  }
}
