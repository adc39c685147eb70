import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
    const rows: unknown[] = await manager.query(
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
    const [row] = await manager.query(
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
}
