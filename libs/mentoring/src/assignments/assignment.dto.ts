import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { BooleanParam, PageQuery } from '@cascade/platform';
import { MentoringAssignment } from './mentoring-assignment.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';

export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'A trainer of the programme: a master teacher or a later-generation trainer',
  })
  @IsUUID()
  mentorId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'A participant of the programme (enrolled in one of its cohorts)',
  })
  @IsUUID()
  menteeId: string;

  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: `startsOn ${DATE_MESSAGE}` })
  startsOn: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: `endsOn ${DATE_MESSAGE}` })
  endsOn?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  goals?: string;
}

export class UpdateAssignmentDto {
  @ApiPropertyOptional({ type: String, maxLength: 4000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  goals?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Ends the assignment (it stays as history); null reopens it when the mentee has no other active mentor',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: `endsOn ${DATE_MESSAGE}` })
  endsOn?: string | null;
}

export class ReassignDto {
  @ApiProperty({ format: 'uuid', description: 'The new mentor, a trainer of the programme' })
  @IsUUID()
  mentorId: string;

  @ApiProperty({
    format: 'date',
    description: 'The first day with the new mentor; the old assignment ends that day',
  })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: `startsOn ${DATE_MESSAGE}` })
  startsOn: string;

  @ApiPropertyOptional({ maxLength: 4000, description: "Defaults to the old assignment's goals" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  goals?: string;
}

export class AssignmentQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  mentorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  menteeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'true: only assignments without endsOn; false: only ended ones' })
  @IsOptional()
  @BooleanParam()
  @IsBoolean()
  active?: boolean;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) goals: string | null;
  @ApiProperty({ description: 'No endsOn yet' }) active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(a: MentoringAssignment): AssignmentView {
    const { id, programmeId, mentorId, menteeId, startsOn, endsOn, goals, createdAt, updatedAt } = a;
    return {
      id,
      programmeId,
      mentorId,
      menteeId,
      startsOn,
      endsOn,
      goals,
      active: endsOn === null,
      createdAt,
      updatedAt,
    };
  }
}
