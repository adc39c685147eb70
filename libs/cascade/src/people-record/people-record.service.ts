import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Page, queryRows } from '@cascade/platform';
import { PeopleService, Person, PersonQuery } from '@cascade/reference';
import { CascadeAccess } from '../access';
import { AiAdoptionsService } from '../ai-adoptions/ai-adoptions.service';
import {
  ChainStep,
  PersonRecord,
  RecordCertification,
  RecordEnrolment,
  TrainedBy,
} from './people-record.dto';
import { TRAINER_CHAIN_SQL } from './trainer-chain.sql';

/** A person with everything the cascade knows of them: enrolments, completions, credentials, evidence, trainers. */
@Injectable()
export class PeopleRecordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly adoptions: AiAdoptionsService,
    private readonly people: PeopleService,
  ) {}

  async list(query: PersonQuery, actor: Actor): Promise<Page<Person>> {
    return this.people.list(query, await this.access.visiblePeople(actor));
  }

  async record(personId: string, actor: Actor): Promise<PersonRecord> {
    const person = await this.people.get(personId);
    await this.access.assertMayReadPerson(actor, personId);
    const { id, fullName, email, institutionId, discipline, gender, preferredLanguage } = person;
    return {
      person: { id, fullName, email, institutionId, discipline, gender, preferredLanguage },
      enrolments: await this.enrolments(personId),
      certifications: await this.certifications(personId),
      aiAdoptions: await this.adoptions.forPerson(personId),
      trainedBy: await this.trainedBy(personId),
    };
  }

  private enrolments(personId: string): Promise<RecordEnrolment[]> {
    return queryRows<RecordEnrolment>(
      this.db,
      `SELECT e.id, c.programme_id AS "programmeId", c.id AS "cohortId", c.name AS "cohortName", r.number AS "roundNumber",
              c.lead_trainer_id AS "leadTrainerId", e.status, e.enrolled_on::text AS "enrolledOn", e.withdrawn_on::text AS "withdrawnOn",
              coalesce((SELECT json_agg(json_build_object('id', cc.id, 'courseId', cc.course_id, 'courseCode', co.code,
                                                          'completedOn', cc.completed_on, 'score', cc.score::float8)
                                        ORDER BY cc.completed_on, co.code)
                          FROM course_completions cc JOIN courses co ON co.id = cc.course_id
                         WHERE cc.enrolment_id = e.id), '[]') AS completions
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN cascade_rounds r ON r.id = c.round_id
        WHERE e.person_id = $1
        ORDER BY e.enrolled_on, c.name, e.id`,
      [personId],
    );
  }

  private certifications(personId: string): Promise<RecordCertification[]> {
    return queryRows<RecordCertification>(
      this.db,
      `SELECT id, programme_id AS "programmeId", number, issued_on::text AS "issuedOn", revoked_on IS NOT NULL AS revoked,
              revoked_on::text AS "revokedOn", revocation_reason AS "revocationReason"
         FROM certifications WHERE person_id = $1 ORDER BY issued_on, number`,
      [personId],
    );
  }

  /** Per programme the person takes part in: their generation and the chain of lead trainers up to a master teacher. */
  private async trainedBy(personId: string): Promise<TrainedBy[]> {
    const programmes = await queryRows<{
      programmeId: string;
      programmeName: string;
      isMasterTeacher: boolean;
    }>(
      this.db,
      `SELECT pr.id AS "programmeId", pr.name AS "programmeName",
              EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = pr.id AND mt.person_id = $1) AS "isMasterTeacher"
         FROM programmes pr
        WHERE EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = pr.id AND mt.person_id = $1)
           OR EXISTS (SELECT 1 FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id WHERE c.programme_id = pr.id AND e.person_id = $1)
        ORDER BY pr.starts_on, pr.name`,
      [personId],
    );
    return Promise.all(
      programmes.map(async ({ programmeId, programmeName, isMasterTeacher }) => {
        if (isMasterTeacher) return { programmeId, programmeName, generation: 1, chain: [] };
        const chain = await queryRows<ChainStep>(this.db, TRAINER_CHAIN_SQL, [programmeId, personId]);
        return { programmeId, programmeName, generation: chain.length > 0 ? chain.length + 1 : null, chain };
      }),
    );
  }
}
