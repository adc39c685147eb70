import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolments/enrolment.entity';

export class CascadeTreeQuery extends PageQuery {}

export class CascadeSearchQuery extends PageQuery {
  @ApiProperty({ minLength: 2, maxLength: 100, description: 'Part of the name or email, in any letter case' })
  @IsString()
  @Length(2, 100)
  q: string;
}

export class GenerationCount {
  @ApiProperty() generation: number;
  @ApiProperty() people: number;
}

/** A trainer of the cascade, with what lies under them counted, not listed. */
export class TreeTrainer {
  @ApiProperty({ format: 'uuid', description: "The trainer's person id" }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null when no chain of lead trainers reaches a master teacher',
  })
  generation: number | null;
  @ApiProperty({
    description: 'Cohorts of the programme this person leads (GET …/cascade/trainers/:personId)',
  })
  cohorts: number;
  @ApiProperty({ description: 'Distinct participants of those cohorts, any status' })
  participants: number;
}

/** A participant of one cohort; one who leads cohorts is expanded with GET …/cascade/trainers/:personId. */
export class TreeParticipant extends TreeTrainer {
  @ApiProperty({ enum: ENROLMENT_STATUSES, description: 'Their enrolment in this cohort' })
  status: EnrolmentStatus;
}

export class EnrolmentStatusCounts {
  @ApiProperty() enrolled: number;
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() withdrawn: number;
}

export class TreeCohort {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() name: string;
  @ApiProperty() roundNumber: number;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ description: 'Participants, any status (GET …/cascade/cohorts/:cohortId/participants)' })
  participants: number;
  @ApiProperty({ type: EnrolmentStatusCounts }) byStatus: EnrolmentStatusCounts;
}

/** The first level: the programme's generation counts and a page of its master teachers. */
export class CascadeRoots {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ type: [GenerationCount] }) generations: GenerationCount[];
  @ApiProperty({ type: [TreeTrainer], description: 'Master teachers (generation 1), by name' })
  items: TreeTrainer[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

/** A trainer and a page of the cohorts they lead. */
export class TrainerCohorts {
  @ApiProperty({ type: TreeTrainer }) trainer: TreeTrainer;
  @ApiProperty({ type: [TreeCohort], description: 'By round, then name' }) items: TreeCohort[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

/** A cohort and a page of its participants. */
export class CohortParticipants {
  @ApiProperty({ type: TreeCohort }) cohort: TreeCohort;
  @ApiProperty({ type: [TreeParticipant], description: 'By name' }) items: TreeParticipant[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

/** A person of the cascade whose name or email matches, with the way down to them from a master teacher. */
export class CascadeSearchHit {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null when no chain of lead trainers reaches a master teacher',
  })
  generation: number | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      'The tree nodes to open, from the master teacher down: person id, cohort id, person id, … ending ' +
      'with this person (a master teacher: their id alone). Through the lead trainer of the lowest ' +
      'generation where there are several; null when no chain of lead trainers reaches a master teacher',
  })
  path: string[] | null;
}

export class CascadeSearchResults {
  @ApiProperty({ type: [CascadeSearchHit], description: 'By name' }) items: CascadeSearchHit[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}
