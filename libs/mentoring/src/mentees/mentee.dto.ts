import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';

export class MyMenteeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class MenteeQuery extends MyMenteeQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A master teacher may only ask for themselves' })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

/** An active mentee and how their mentoring is going. */
export class MenteeOverview {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ description: 'Sessions logged in this assignment' }) sessions: number;
  @ApiProperty({ description: 'Sum of session durations, in hours (2 decimals)' }) hours: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSessionAt: Date | null;
  @ApiProperty({
    description:
      'No session in the last MENTORING_OVERDUE_DAYS days (counted from startsOn while there is none yet)',
  })
  overdue: boolean;
}
