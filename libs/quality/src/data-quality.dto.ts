import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { DATA_QUALITY_CHECKS, DataQualityCheck, DataQualityRow } from './data-quality.checks';

export class DataQualityQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one programme; every programme when left out' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class DataQualityListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one programme; every programme when left out' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class DataQualityCount {
  @ApiProperty({ enum: DATA_QUALITY_CHECKS }) check: DataQualityCheck;
  @ApiProperty({ minimum: 0 }) count: number;
}

export class DataQualitySummary {
  @ApiProperty({ type: [DataQualityCount], description: 'every check, in a fixed order' })
  checks: DataQualityCount[];
}

export class DataQualityItem implements DataQualityRow {
  @ApiProperty({ format: 'uuid', description: 'the enrolment, completion, assignment or master teacher' })
  id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cohortId: string | null;
  @ApiProperty({ nullable: true, type: String }) cohortName: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the course code (completion), the mentor's name (mentee), the email (master teacher)",
  })
  detail: string | null;
  @ApiProperty({ format: 'date', description: 'cohort end, completion, last session (or start), trained on' })
  since: string;
}

export class DataQualityPage {
  @ApiProperty({ type: [DataQualityItem] }) items: DataQualityItem[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}
