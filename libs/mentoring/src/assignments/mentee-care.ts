import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CareFilter, CarePair, MenteeSource } from '@cascade/cascade';
import { queryRows } from '@cascade/platform';

/** Mentoring's half of "in a master teacher's care": the mentees of the mentor's active assignments. */
@Injectable()
export class MenteeCare extends MenteeSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  activeMentees(mentorId: string, filter: CareFilter): Promise<CarePair[]> {
    const params: unknown[] = [mentorId];
    const narrow = [
      filter.programmeId ? `AND programme_id = $${params.push(filter.programmeId)}` : '',
      filter.personId ? `AND mentee_id = $${params.push(filter.personId)}` : '',
    ].join(' ');
    return queryRows<CarePair>(
      this.db,
      `SELECT programme_id AS "programmeId", mentee_id AS "personId"
         FROM mentoring_assignments WHERE mentor_id = $1 AND ends_on IS NULL ${narrow}`,
      params,
    );
  }
}
