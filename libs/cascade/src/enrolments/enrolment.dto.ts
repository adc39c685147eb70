import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { ENROLMENT_STATUSES, EnrolmentStatus } from './enrolment.entity';

export class CreateEnrolmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true })
  enrolledOn?: string;
}

export class UpdateEnrolmentDto {
  @ApiProperty({
    enum: ENROLMENT_STATUSES,
    description:
      "'withdrawn' frees the place and sets withdrawnOn; any other value brings a withdrawn enrolment back " +
      '(409 when the cohort is full). Otherwise the status follows the records: enrolled, active from the ' +
      'first completion, completed when every course of the cohort is completed',
  })
  @IsIn(ENROLMENT_STATUSES)
  status: EnrolmentStatus;
}

export class EnrolmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}

export class EnrolmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ format: 'date' }) enrolledOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) withdrawnOn: string | null;
}
