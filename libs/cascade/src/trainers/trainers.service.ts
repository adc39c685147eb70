import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, queryRows } from '@cascade/platform';
import { EligibleTrainersQuery, EligibleTrainerView } from './trainer.dto';

/**
 * Who may train in a programme: its master teachers (generation 1), and anyone who has a
 * completion for every core course through a cohort of the programme — that is the cascade.
 */
@Injectable()
export class TrainersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isMasterTeacher(
    programmeId: string,
    personId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const rows = await queryRows<unknown>(
      manager,
      `SELECT 1 FROM master_teachers WHERE programme_id = $1 AND person_id = $2`,
      [programmeId, personId],
    );
    return rows.length > 0;
  }

  /**
   * True when the person may lead a cohort of the round numbered `roundNumber`: a master
   * teacher, or someone who completed every core course in cohorts of earlier rounds.
   * Without a round number, any round of the programme counts (a trainer of a later generation).
   */
  async isTrainer(
    programmeId: string,
    personId: string,
    roundNumber?: number,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const [row] = await queryRows<{ trainer: boolean | null }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM master_teachers WHERE programme_id = $1 AND person_id = $2)
           OR (SELECT p.core_course_ids <@ coalesce(array_agg(DISTINCT cc.course_id), '{}')
                 FROM programmes p
                 LEFT JOIN cohorts c ON c.programme_id = p.id
                 LEFT JOIN cascade_rounds r ON r.id = c.round_id
                 LEFT JOIN enrolments e ON e.cohort_id = c.id AND e.person_id = $2
                 LEFT JOIN course_completions cc ON cc.enrolment_id = e.id
                WHERE p.id = $1 AND ($3::int IS NULL OR r.number < $3::int)
                GROUP BY p.core_course_ids) AS trainer`,
      [programmeId, personId, roundNumber ?? null],
    );
    return row?.trainer === true;
  }

  /**
   * Everyone `isTrainer` accepts for a cohort of round `roundNumber`, in one statement: master
   * teachers first, then completers of earlier rounds, by name.
   */
  async eligibleLeadTrainers(
    programmeId: string,
    roundNumber: number,
    query: EligibleTrainersQuery,
  ): Promise<Page<EligibleTrainerView>> {
    const rows = await queryRows<EligibleTrainerView & { total: string }>(
      this.db,
      `WITH masters AS (SELECT person_id FROM master_teachers WHERE programme_id = $1),
            completers AS (
              SELECT e.person_id
                FROM cohorts c
                JOIN cascade_rounds r ON r.id = c.round_id AND r.number < $2
                JOIN enrolments e ON e.cohort_id = c.id
                JOIN course_completions cc ON cc.enrolment_id = e.id
               WHERE c.programme_id = $1
               GROUP BY e.person_id
              HAVING (SELECT core_course_ids FROM programmes WHERE id = $1) <@ array_agg(DISTINCT cc.course_id)),
            eligible AS (
              SELECT person_id, true AS master_teacher FROM masters
              UNION ALL
              SELECT person_id, false FROM completers WHERE person_id NOT IN (SELECT person_id FROM masters))
       SELECT p.id AS "personId", p.full_name AS "fullName", p.email, i.name AS institution,
              el.master_teacher AS "masterTeacher", count(*) OVER () AS total
         FROM eligible el
         JOIN people p ON p.id = el.person_id
         JOIN institutions i ON i.id = p.institution_id
        WHERE $3::text IS NULL OR p.full_name ILIKE $3 OR p.email ILIKE $3 OR i.name ILIKE $3
        ORDER BY el.master_teacher DESC, p.full_name, p.id
        LIMIT $4 OFFSET $5`,
      [programmeId, roundNumber, query.q ? `%${query.q}%` : null, query.limit, query.offset],
    );
    const items = rows.map(({ total: _total, ...row }) => row);
    return Page.of(items, Number(rows[0]?.total ?? 0), query);
  }
}
