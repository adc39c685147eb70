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
  @ApiProperty({ enum: ENROLMENT_STATUSES, description: "'withdrawn' frees the place and sets withdrawnOn" })
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
  @ApiProperty({ format: 'date', nullable: true }) withdrawnOn: string | null;
}
