import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolments/enrolment.entity';

export class TreeParticipant {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({
    nullable: true,
    description: 'null when no chain of lead trainers reaches a master teacher',
  })
  generation: number | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ type: () => [TreeCohort], description: 'The cohorts this participant leads' })
  cohorts: TreeCohort[];
  @ApiPropertyOptional({
    description: 'Leads cohorts shown under another, equally short, branch of the tree',
  })
  cohortsShownElsewhere?: boolean;
}

export class TreeCohort {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() name: string;
  @ApiProperty() roundNumber: number;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ type: () => [TreeParticipant] }) participants: TreeParticipant[];
}

export class TreeMasterTeacher {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ example: 1 }) generation: number;
  @ApiProperty({ type: [TreeCohort] }) cohorts: TreeCohort[];
}

export class GenerationCount {
  @ApiProperty() generation: number;
  @ApiProperty() people: number;
}

export class CascadeTree {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ type: [GenerationCount] }) generations: GenerationCount[];
  @ApiProperty({ type: [TreeMasterTeacher] }) masterTeachers: TreeMasterTeacher[];
}
