import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '@cascade/platform';

export class CreateCompletionDto {
  @ApiProperty({ format: 'uuid', description: 'A course of the cohort' }) @IsUUID() courseId: string;
  @ApiProperty({ format: 'date', description: "Inside the programme's dates" })
  @IsDateString({ strict: true })
  completedOn: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    nullable: true,
    description: 'Assessment score; none counts as 0 for certification',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score?: number | null;
}

/** A correction of the date or the score; the course stays. */
export class UpdateCompletionDto {
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) completedOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
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
  @ApiProperty({ nullable: true }) score: number | null;
}
