import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { COMPLETION_COLUMNS } from '../completions/completion-row';
import { ROSTER_COLUMNS } from '../roster/roster-row';
import { Import, IMPORT_KINDS, IMPORT_STATUSES, ImportKind, ImportStatus } from './import.entity';

/** The multipart form of a roster upload: the file, and the cohort to enrol everyone in. */
export class UploadRosterDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: `CSV (UTF-8, with or without BOM), at most 20 MB, header row: ${ROSTER_COLUMNS.join(',')}`,
  })
  // Read by multer, not by the validation pipe; declared for the OpenAPI form.
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Enrol every valid row in this cohort (required for a master teacher: a cohort they lead)',
  })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

/** The multipart form of a completions upload: the file, and the cohort its rows belong to. */
export class UploadCompletionsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      `CSV (UTF-8, with or without BOM), at most 20 MB, header row: ${COMPLETION_COLUMNS.join(',')} ` +
      '(email or personId, courseCode and completedOn required; completedOn as YYYY-MM-DD; score 0–100 or empty)',
  })
  // Read by multer, not by the validation pipe; declared for the OpenAPI form.
  @IsOptional()
  file?: unknown;

  @ApiProperty({ format: 'uuid', description: 'The cohort whose enrolled people completed the courses' })
  @IsUUID()
  cohortId: string;
}

export class ImportQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_STATUSES })
  @IsOptional()
  @IsIn(IMPORT_STATUSES)
  status?: ImportStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export class ErrorReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ImportAcceptedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES, example: 'queued' }) status: ImportStatus;
}

export class RowErrorView {
  @ApiProperty({ description: 'Line number in the file; the header is line 1', example: 7 }) row: number;
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: "'bold@' is not an email address" }) message: string;
}

export class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cohortId: string | null;
  @ApiProperty({ example: 'darkhan-2.csv' }) fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'share of the file read' }) progress: number;
  @ApiProperty({ description: 'rows read (the header not counted)' }) totalRows: number;
  @ApiProperty({
    description: 'roster: rows that created a person; completions: rows that recorded a completion',
  })
  createdRows: number;
  @ApiProperty({ description: "rows that changed an existing person's fields" }) updatedRows: number;
  @ApiProperty({
    description:
      'roster: rows whose person already held these values; completions: rows already recorded with this date and score',
  })
  unchangedRows: number;
  @ApiProperty({ description: 'rows that made a new enrolment in the cohort' }) enrolledRows: number;
  @ApiProperty({ description: 'rows with at least one error, not applied' }) errorRows: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the import failed as a whole' })
  error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;

  static of(row: Import): ImportView {
    const { runId: _claim, attempts: _attempts, heartbeatAt: _heartbeat, ...view } = row;
    return view;
  }
}

export class ImportPage {
  @ApiProperty({ type: [ImportView] }) items: ImportView[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}

export class ErrorReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
  @ApiProperty() errorRows: number;
  @ApiProperty({ type: [RowErrorView] }) errors: RowErrorView[];
}
