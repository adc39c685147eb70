import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { definedFields, DomainError, Page, PageQuery, queryRows } from '@cascade/platform';
import { ProgrammesService } from '../programmes/programmes.service';
import { assertAllExist, assertWithin } from '../shared/references';
import { CascadeRound } from './cascade-round.entity';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: ProgrammesService,
  ) {}

  async list(programmeId: string, query: PageQuery): Promise<Page<CascadeRound>> {
    await this.programmes.get(programmeId);
    const [items, total] = await this.db.getRepository(CascadeRound).findAndCount({
      where: { programmeId },
      order: { number: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return Page.of(items, total, query);
  }

  async get(
    programmeId: string,
    roundId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<CascadeRound> {
    const round = await manager.findOneBy(CascadeRound, { id: roundId, programmeId });
    if (!round) throw DomainError.notFound('round', roundId);
    return round;
  }

  /** The round row locked for the transaction; FOR SHARE keeps its dates while a cohort is written. */
  async lock(
    manager: EntityManager,
    roundId: string,
    mode: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<CascadeRound> {
    const round = await manager.findOne(CascadeRound, { where: { id: roundId }, lock: { mode } });
    if (!round) throw DomainError.invalid(`roundId: no such round ${roundId}`);
    return round;
  }

  /** A round's target and its regions are figures of the plan (docs/FIGURES.md): cascade_rounds' trigger marks them dirty. */
  async create(programmeId: string, dto: CreateRoundDto): Promise<CascadeRound> {
    return this.db.transaction(async (tx) => {
      const programme = await this.programmes.lock(tx, programmeId, 'pessimistic_read');
      assertWithin(dto, programme, `programme '${programme.name}'`);
      await assertAllExist(tx, 'regions', dto.regionIds, 'regionIds');
      const round = tx.create(CascadeRound, {
        targetParticipants: 0,
        regionIds: [],
        ...definedFields(dto),
        programmeId,
      });
      return tx.save(round);
    });
  }

  async update(programmeId: string, roundId: string, dto: UpdateRoundDto): Promise<CascadeRound> {
    return this.db.transaction(async (tx) => {
      const programme = await this.programmes.lock(tx, programmeId, 'pessimistic_read');
      const current = await this.get(programmeId, roundId, tx);
      await this.lock(tx, roundId, 'pessimistic_write');
      const next = tx.create(CascadeRound, { ...current, ...definedFields(dto) });
      assertWithin(next, programme, `programme '${programme.name}'`);
      await assertAllExist(tx, 'regions', dto.regionIds, 'regionIds');
      if (next.startsOn !== current.startsOn || next.endsOn !== current.endsOn) {
        const [{ outside }] = await queryRows<{ outside: number }>(
          tx,
          `SELECT count(*)::int AS outside FROM cohorts WHERE round_id = $1 AND (starts_on < $2 OR ends_on > $3)`,
          [roundId, next.startsOn, next.endsOn],
        );
        if (outside > 0)
          throw DomainError.conflict(
            `startsOn: ${outside} cohort(s) of the round fall outside the new dates`,
          );
      }
      return tx.save(next);
    });
  }
}
