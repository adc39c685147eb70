import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, containsPattern, DomainError, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { ProgrammesService } from '../programmes/programmes.service';
import {
  CascadeRoots,
  CascadeSearchHit,
  CascadeSearchQuery,
  CascadeSearchResults,
  CascadeTreeQuery,
  CohortParticipants,
  GenerationCount,
  TrainerCohorts,
  TreeCohort,
  TreeParticipant,
  TreeTrainer,
} from './cascade-tree.dto';
import { GENERATIONS_SQL, generationsOf } from './generations.sql';
import {
  CASCADE_SEARCH_COUNT,
  CASCADE_SEARCH_PAGE,
  TRAINER_COUNTS,
  TREE_COHORT,
  lineOf,
  onLineFilter,
} from './cascade-tree.sql';

/**
 * The cascade a level at a time, so 50,000 participants never come in one reply: the master
 * teachers, then a trainer's cohorts, then a cohort's participants, each a page with counts of
 * what lies below. A master teacher sees their own branch in full and, above it, only the line
 * of trainers and cohorts that leads to them.
 */
@Injectable()
export class CascadeTreeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
  ) {}

  async roots(programmeId: string, query: CascadeTreeQuery, actor: Actor): Promise<CascadeRoots> {
    await this.programmes.get(programmeId);
    const scope = this.access.leadTrainerScope(actor);
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const line = scope ? await lineOf(tx, programmeId, scope) : null;
      const where = `mt.programme_id = $1 AND ($2::uuid[] IS NULL OR mt.person_id = ANY($2::uuid[]))`;
      const [{ total }] = await queryRows<{ total: number }>(
        tx,
        `SELECT count(*)::int AS total FROM master_teachers mt WHERE ${where}`,
        [programmeId, line],
      );
      const items = await queryRows<TreeTrainer>(
        tx,
        `SELECT mt.person_id AS "personId", p.full_name AS "fullName", 1 AS generation, ${TRAINER_COUNTS('mt.person_id')}
           FROM master_teachers mt JOIN people p ON p.id = mt.person_id
          WHERE ${where} ORDER BY p.full_name, mt.person_id LIMIT $3 OFFSET $4`,
        [programmeId, line, query.limit, query.offset],
      );
      const generations = await queryRows<GenerationCount>(
        tx,
        `SELECT generation, count(*)::int AS people FROM (${GENERATIONS_SQL}) g GROUP BY generation ORDER BY generation`,
        [programmeId],
      );
      return { programmeId, generations, items, total, limit: query.limit, offset: query.offset };
    });
  }

  async trainer(
    programmeId: string,
    personId: string,
    query: CascadeTreeQuery,
    actor: Actor,
  ): Promise<TrainerCohorts> {
    await this.programmes.get(programmeId);
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [person] = await queryRows<Omit<TreeTrainer, 'generation'>>(
        tx,
        `SELECT p.id AS "personId", p.full_name AS "fullName", ${TRAINER_COUNTS('p.id', '$2')} FROM people p WHERE p.id = $1`,
        [personId, programmeId],
      );
      if (!person) throw DomainError.notFound('person', personId);
      const line = await this.narrowing(tx, programmeId, personId, actor);
      const where = `c.programme_id = $1 AND c.lead_trainer_id = $2 AND ($3::uuid[] IS NULL OR ${onLineFilter('c.id', '$3')})`;
      const [{ total }] = await queryRows<{ total: number }>(
        tx,
        `SELECT count(*)::int AS total FROM cohorts c WHERE ${where}`,
        [programmeId, personId, line],
      );
      const items = await queryRows<TreeCohort>(
        tx,
        `${TREE_COHORT} WHERE ${where} ORDER BY r.number, c.name, c.id LIMIT $4 OFFSET $5`,
        [programmeId, personId, line, query.limit, query.offset],
      );
      const generation = (await generationsOf(tx, programmeId, [personId])).get(personId) ?? null;
      const trainer: TreeTrainer = { ...person, generation };
      return { trainer, items, total, limit: query.limit, offset: query.offset };
    });
  }

  async participants(
    programmeId: string,
    cohortId: string,
    query: CascadeTreeQuery,
    actor: Actor,
  ): Promise<CohortParticipants> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [cohort] = await queryRows<TreeCohort>(
        tx,
        `${TREE_COHORT} WHERE c.id = $1 AND c.programme_id = $2`,
        [cohortId, programmeId],
      );
      if (!cohort) throw DomainError.notFound('cohort', cohortId);
      const [{ leadTrainerId }] = await queryRows<{ leadTrainerId: string }>(
        tx,
        `SELECT lead_trainer_id AS "leadTrainerId" FROM cohorts WHERE id = $1`,
        [cohortId],
      );
      const line = await this.narrowing(tx, programmeId, leadTrainerId, actor);
      const where = `e.cohort_id = $1 AND ($2::uuid[] IS NULL OR e.person_id = ANY($2::uuid[]))`;
      const [{ total }] = await queryRows<{ total: number }>(
        tx,
        `SELECT count(*)::int AS total FROM enrolments e WHERE ${where}`,
        [cohortId, line],
      );
      const rows = await queryRows<Omit<TreeParticipant, 'generation'>>(
        tx,
        `SELECT e.person_id AS "personId", p.full_name AS "fullName", e.status, ${TRAINER_COUNTS('e.person_id', '$5')}
           FROM enrolments e JOIN people p ON p.id = e.person_id
          WHERE ${where} ORDER BY p.full_name, e.person_id LIMIT $3 OFFSET $4`,
        [cohortId, line, query.limit, query.offset, programmeId],
      );
      const generations = await generationsOf(
        tx,
        programmeId,
        rows.map((r) => r.personId),
      );
      const items = rows.map((r) => ({ ...r, generation: generations.get(r.personId) ?? null }));
      return { cohort, items, total, limit: query.limit, offset: query.offset };
    });
  }

  /**
   * People of the cascade by name or email, each with the nodes to open from a master teacher down
   * to them; a master teacher finds only the people of their own branch.
   */
  async search(programmeId: string, query: CascadeSearchQuery, actor: Actor): Promise<CascadeSearchResults> {
    await this.programmes.get(programmeId);
    const scope = this.access.leadTrainerScope(actor) ?? null;
    const pattern = containsPattern(query.q);
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [{ total }] = await queryRows<{ total: number }>(tx, CASCADE_SEARCH_COUNT, [
        programmeId,
        pattern,
        scope,
      ]);
      const rows = await queryRows<Omit<CascadeSearchHit, 'generation'>>(tx, CASCADE_SEARCH_PAGE, [
        programmeId,
        pattern,
        scope,
        query.limit,
        query.offset,
      ]);
      const generations = await generationsOf(
        tx,
        programmeId,
        rows.map((r) => r.personId),
      );
      const items = rows.map((r) => ({ ...r, generation: generations.get(r.personId) ?? null }));
      return { items, total, limit: query.limit, offset: query.offset };
    });
  }

  /**
   * What a master teacher may see under this trainer: everything in their own branch (null: no
   * narrowing); above it, only the people of their line (a list of ids); elsewhere nothing (403).
   */
  private async narrowing(
    tx: EntityManager,
    programmeId: string,
    trainerId: string,
    actor: Actor,
  ): Promise<string[] | null> {
    const scope = this.access.leadTrainerScope(actor);
    if (!scope) return null;
    if ((await lineOf(tx, programmeId, trainerId)).includes(scope)) return null;
    const line = await lineOf(tx, programmeId, scope);
    if (line.includes(trainerId)) return line;
    throw DomainError.forbidden(`personId: trainer ${trainerId} is outside your branch of the cascade`);
  }
}
