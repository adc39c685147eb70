import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_LANGUAGES,
  REPORT_STATUSES,
  ReportFormat,
  ReportKind,
  ReportLanguage,
  ReportStatus,
} from './report-kinds';
import { ReportRequest } from './report-request.entity';

export class CreateReportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;

  @ApiProperty({ enum: REPORT_LANGUAGES, description: 'Mongolian or English labels, titles and statuses' })
  @IsIn(REPORT_LANGUAGES)
  language: ReportLanguage;

  @ApiPropertyOptional({ format: 'uuid', description: 'cohort-roster only: one cohort of the programme' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'cohort-roster only: one round of the programme' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'cohort-roster only: the cohorts of one region' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ReportQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ReportAcceptedView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REPORT_STATUSES, example: 'queued' })
  status: ReportStatus;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: ReportLanguage;
  @ApiPropertyOptional({ format: 'uuid' }) cohortId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) roundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) regionId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "a master teacher's mentoring-activity covers only them",
  })
  mentorId?: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: Number }) rowCount: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'cohort-roster-darkhan-2-2026-11-23.xlsx' })
  fileName: string | null;
  @ApiProperty({ nullable: true, type: String }) contentType: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'when the file is deleted (410 after)' })
  expiresAt: Date | null;

  /** A done request past its expiry reads as expired before the cleanup gets to it (its file answers 410). */
  static of(request: ReportRequest, now = new Date()): ReportView {
    const { filePath: _internal, params, ...rest } = request;
    const lapsed = rest.status === 'done' && rest.expiresAt !== null && rest.expiresAt <= now;
    return { ...rest, ...params, status: lapsed ? 'expired' : rest.status };
  }
}

export class ReportPage {
  @ApiProperty({ type: [ReportView] }) items: ReportView[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}

export class ReportLinkView {
  @ApiProperty({
    format: 'uri',
    example: 'http://localhost:3000/api/v1/reports/0b8f…/download?expires=1764430000&signature=…',
    description: 'Opens this report’s file without an Authorization header until expiresAt',
  })
  url: string;
  @ApiProperty({ description: 'After this instant the link answers 403' }) expiresAt: Date;
}

export class ReportDownloadQuery {
  @ApiProperty({ description: 'Unix seconds, as signed into the link' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expires: number;

  @ApiProperty({ description: 'The link’s signature' })
  @IsString()
  @Length(1, 100)
  signature: string;
}
