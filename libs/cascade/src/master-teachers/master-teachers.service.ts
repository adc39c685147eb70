import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, execute, Page, PageQuery, queryRows } from '@cascade/platform';
import { ProgrammesService } from '../programmes/programmes.service';
import { assertAllExist } from '../shared/references';
import { AddMasterTeacherDto, MasterTeacherView } from './master-teacher.dto';

const VIEW = `SELECT mt.id, mt.programme_id AS "programmeId", mt.person_id AS "personId", p.full_name AS "fullName",
                     mt.trained_on::text AS "trainedOn", mt.region_ids AS "regionIds"
                FROM master_teachers mt JOIN people p ON p.id = mt.person_id`;

@Injectable()
export class MasterTeachersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: ProgrammesService,
  ) {}

  async list(programmeId: string, query: PageQuery): Promise<Page<MasterTeacherView>> {
    await this.programmes.get(programmeId);
    const items = await queryRows<MasterTeacherView>(
      this.db,
      `${VIEW} WHERE mt.programme_id = $1 ORDER BY p.full_name, mt.id LIMIT $2 OFFSET $3`,
      [programmeId, query.limit, query.offset],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM master_teachers WHERE programme_id = $1`,
      [programmeId],
    );
    return Page.of(items, total, query);
  }

  async add(programmeId: string, dto: AddMasterTeacherDto): Promise<MasterTeacherView> {
    const view = await this.db.transaction(async (tx) => {
      await this.programmes.lock(tx, programmeId, 'pessimistic_read');
      await assertAllExist(tx, 'regions', dto.regionIds, 'regionIds');
      const [{ id }] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO master_teachers (programme_id, person_id, trained_on, region_ids) VALUES ($1, $2, $3, $4) RETURNING id`,
        [programmeId, dto.personId, dto.trainedOn, [...new Set(dto.regionIds)]],
      );
      return this.view(tx, id);
    });
    return view;
  }

  /**
   * A master teacher who still leads cohorts stays (those cohorts would lose a valid lead
   * trainer); the programme row is locked so no cohort gets them as lead trainer meanwhile.
   */
  async remove(programmeId: string, personId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.programmes.lock(tx, programmeId, 'pessimistic_write');
      const [{ led }] = await queryRows<{ led: number }>(
        tx,
        `SELECT count(*)::int AS led FROM cohorts WHERE programme_id = $1 AND lead_trainer_id = $2`,
        [programmeId, personId],
      );
      if (led > 0)
        throw DomainError.conflict(
          `personId: the master teacher still leads ${led} cohort(s) of the programme`,
        );
      const { affected: deleted } = await execute(
        tx,
        `DELETE FROM master_teachers WHERE programme_id = $1 AND person_id = $2`,
        [programmeId, personId],
      );
      if (deleted === 0) throw DomainError.notFound('master teacher', personId);
    });
  }

  private async view(manager: EntityManager, id: string): Promise<MasterTeacherView> {
    const [row] = await queryRows<MasterTeacherView>(manager, `${VIEW} WHERE mt.id = $1`, [id]);
    return row;
  }
}
