import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { definedFields, DomainError, Page, queryRows } from '@cascade/platform';
import { CertificationQueue } from '../certifications/certification-queue';
import { assertAllExist } from '../shared/references';
import { CoreCourseElements, missingMicroCredentialElements } from './micro-credential-elements';
import { CreateProgrammeDto, ProgrammeQuery, UpdateProgrammeDto } from './programme.dto';
import { Programme } from './programme.entity';

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certification: CertificationQueue,
  ) {}

  async list(query: ProgrammeQuery): Promise<Page<Programme>> {
    const [items, total] = await this.db.getRepository(Programme).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { startsOn: 'DESC', name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return Page.of(items, total, query);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<Programme> {
    const programme = await manager.findOneBy(Programme, { id });
    if (!programme) throw DomainError.notFound('programme', id);
    return programme;
  }

  /** The programme row locked for the rest of the transaction (FOR UPDATE or FOR SHARE). */
  async lock(
    manager: EntityManager,
    id: string,
    mode: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<Programme> {
    const programme = await manager.findOne(Programme, { where: { id }, lock: { mode } });
    if (!programme) throw DomainError.notFound('programme', id);
    return programme;
  }

  async create(dto: CreateProgrammeDto): Promise<Programme> {
    return this.db.transaction(async (tx) => {
      await assertAllExist(tx, 'courses', dto.coreCourseIds, 'coreCourseIds');
      const programme = tx.create(Programme, {
        ...definedFields(dto),
        coreCourseIds: [...new Set(dto.coreCourseIds)],
        status: dto.status ?? 'draft',
      });
      if (programme.status === 'active') await this.assertMayIssue(tx, programme);
      return tx.save(Programme, programme);
    });
  }

  /**
   * A change of the certification rule (core courses, pass mark) changes figures and
   * re-evaluates every certification of the programme after commit.
   */
  async update(id: string, dto: UpdateProgrammeDto): Promise<Programme> {
    let ruleChanged = false;
    const programme = await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, 'pessimistic_write');
      await assertAllExist(tx, 'courses', dto.coreCourseIds, 'coreCourseIds');
      const next = tx.create(Programme, { ...current, ...definedFields(dto) });
      next.coreCourseIds = [...new Set(next.coreCourseIds)];
      if (next.startsOn !== current.startsOn || next.endsOn !== current.endsOn)
        await this.assertHoldsItsRecords(tx, next);
      const activated = next.status === 'active' && current.status !== 'active';
      if (activated || (next.status === 'active' && (dto.credential || dto.coreCourseIds)))
        await this.assertMayIssue(tx, next);
      ruleChanged =
        next.passMark !== current.passMark ||
        [...next.coreCourseIds].sort().join() !== [...current.coreCourseIds].sort().join();
      return tx.save(Programme, next);
    });
    if (ruleChanged) {
      await this.certification.requestEvaluation(id);
    }
    return programme;
  }

  /**
   * The EU's mandatory elements of a micro-credential the programme does not state (empty when it
   * may issue). Activation refuses a programme with gaps; the credential issuer asks again at issue.
   */
  async microCredentialGaps(
    programme: Programme,
    manager: EntityManager = this.db.manager,
  ): Promise<string[]> {
    const courses = await queryRows<CoreCourseElements>(
      manager,
      `SELECT code, workload_hours AS "workloadHours", ects::float8 AS ects, learning_outcomes AS "learningOutcomes"
         FROM courses WHERE id = ANY($1::uuid[]) ORDER BY code`,
      [programme.coreCourseIds],
    );
    return missingMicroCredentialElements(programme.credential, courses);
  }

  private async assertMayIssue(tx: EntityManager, programme: Programme): Promise<void> {
    const gaps = await this.microCredentialGaps(programme, tx);
    if (gaps.length > 0) throw DomainError.invalid(gaps.join('; '), { missing: gaps });
  }

  /** New dates must still hold the programme's rounds and completions. */
  private async assertHoldsItsRecords(tx: EntityManager, programme: Programme): Promise<void> {
    const [row] = await queryRows<{ rounds: number; completions: number }>(
      tx,
      `SELECT (SELECT count(*) FROM cascade_rounds r
                WHERE r.programme_id = $1 AND (r.starts_on < $2 OR r.ends_on > $3))::int AS rounds,
              (SELECT count(*) FROM course_completions cc
                 JOIN enrolments e ON e.id = cc.enrolment_id
                 JOIN cohorts c ON c.id = e.cohort_id
                WHERE c.programme_id = $1 AND (cc.completed_on < $2 OR cc.completed_on > $3))::int AS completions`,
      [programme.id, programme.startsOn, programme.endsOn],
    );
    if (row.rounds > 0)
      throw DomainError.conflict(
        `startsOn: ${row.rounds} round(s) of the programme fall outside the new dates`,
      );
    if (row.completions > 0) {
      throw DomainError.conflict(
        `startsOn: ${row.completions} completion(s) of the programme fall outside the new dates`,
      );
    }
  }
}
