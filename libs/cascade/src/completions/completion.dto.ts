import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DayField, IsDecimal, OptionalDayField, PageQuery } from '@cascade/platform';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolments/enrolment.entity';

export class CreateCompletionDto {
  @ApiProperty({ format: 'uuid', description: 'A course of the cohort' }) @IsUUID() courseId: string;
  @DayField({ description: "Inside the programme's dates" }) completedOn: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    nullable: true,
    description: 'Assessment score; none counts as 0 for certification',
  })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  score?: number | null;
}

/** A correction of the date or the score; the course stays. */
export class UpdateCompletionDto {
  @OptionalDayField() completedOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, nullable: true })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  score?: number | null;
}

export class CompletionQuery extends PageQuery {}

export class CompletionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The client reference it was recorded with in a batch or import',
  })
  clientRef: string | null;
  @ApiProperty({
    enum: ENROLMENT_STATUSES,
    description: "The enrolment's status after this completion: it follows the records",
  })
  enrolmentStatus: EnrolmentStatus;
}

export class CohortCompletionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this person’s completions' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this course' })
  @IsOptional()
  @IsUUID()
  courseId?: string;
}

export class CohortCompletionView extends CompletionView {
  @ApiProperty({ format: 'uuid', description: 'The person (not a user) who completed the course' })
  personId: string;
  @ApiProperty() fullName: string;
}
