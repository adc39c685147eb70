import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import { Response } from 'express';
import { Actor, CurrentActor, ErrorBody, Roles, SAFE_CSV_OPTIONS, UuidParam } from '@cascade/platform';
import { MAX_ROSTER_BYTES, UploadedCsv } from '../roster/roster-file';
import {
  ErrorReportQuery,
  ErrorReportView,
  ImportAcceptedView,
  ImportPage,
  ImportQuery,
  ImportView,
  UploadCompletionsDto,
  UploadRosterDto,
} from './import.dto';
import { IMPORT_KINDS, ImportKind } from './import.entity';
import { IMPORT_TEMPLATES } from './import-templates';
import { ImportsService } from './imports.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin', 'coordinator', 'master_teacher')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('roster')
  @ApiOperation({ summary: 'Upload a roster CSV to import (and optionally enrol) educators' })
  @HttpCode(HttpStatus.ACCEPTED)
  // Any field name is read so a file sent under the wrong name gets a 400 that says so.
  @UseInterceptors(
    UploadErrorsInterceptor,
    AnyFilesInterceptor({ limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 10 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadRosterDto })
  @ApiAcceptedResponse({ type: ImportAcceptedView, description: 'queued; follow it at GET /imports/:id' })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'no file, not a CSV, empty, or a header without the required columns',
  })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'a viewer, or a master teacher naming a cohort they do not lead',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'a file over 20 MB' })
  upload(
    @UploadedFiles() files: UploadedCsv[] | undefined,
    @Body() dto: UploadRosterDto,
    @CurrentActor() actor: Actor,
  ): Promise<ImportAcceptedView> {
    return this.imports.upload(files, dto, actor);
  }

  @Post('completions')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(
    UploadErrorsInterceptor,
    AnyFilesInterceptor({ limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 10 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadCompletionsDto })
  @ApiOperation({
    summary: "Import a cohort's completions from a CSV",
    description:
      'Roles: admin, coordinator, and the master teacher who leads the cohort. Rows name a person enrolled in the ' +
      'cohort (email in any letter case, or personId), a course of the cohort by code, the date and the score. Valid ' +
      'rows are recorded 500 per transaction like POST /cohorts/:id/completions/batch (a row already recorded with ' +
      'the same date and score is unchanged); every bad row is in GET /imports/:id/errors.',
  })
  @ApiAcceptedResponse({ type: ImportAcceptedView, description: 'queued; follow it at GET /imports/:id' })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'no file, not a CSV, empty, no cohortId, or a header without the required columns',
  })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'a viewer, or a master teacher naming a cohort they do not lead',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'a file over 20 MB' })
  uploadCompletions(
    @UploadedFiles() files: UploadedCsv[] | undefined,
    @Body() dto: UploadCompletionsDto,
    @CurrentActor() actor: Actor,
  ): Promise<ImportAcceptedView> {
    return this.imports.upload(files, dto, actor, 'completions');
  }

  @Get('templates/:kind')
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS, description: 'What the file imports' })
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'An empty file to fill in: the header row an upload reads and one example row' })
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM), as an attachment' })
  template(
    @Param('kind', new ParseEnumPipe(Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])))) kind: ImportKind,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const { columns, example } = IMPORT_TEMPLATES[kind];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${kind}-template.csv"`);
    return stringify([columns, example], SAFE_CSV_OPTIONS);
  }

  @Get()
  @ApiOperation({ summary: 'List roster imports' })
  @ApiOkResponse({ type: ImportPage })
  list(@Query() query: ImportQuery, @CurrentActor() actor: Actor): Promise<ImportPage> {
    return this.imports.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: "Get a roster import's status and counts" })
  @ApiOkResponse({ type: ImportView })
  get(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<ImportView> {
    return this.imports.get(id, actor);
  }

  @Get(':id/errors')
  @ApiOperation({ summary: "A roster import's row-level error report" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ErrorReportView, description: 'JSON, or with ?format=csv a CSV (UTF-8 with BOM)' })
  @ApiConflictResponse({ type: ErrorBody, description: 'the import is still queued or running' })
  async errors(
    @UuidParam('id') id: string,
    @Query() query: ErrorReportQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ErrorReportView | StreamableFile> {
    if (query.format !== 'csv') return this.imports.errors(id, actor);
    const csv = await this.imports.errorsCsv(id, actor);
    res.once('close', () => csv.destroy()); // a client gone mid-report frees the cursor's connection
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-errors.csv"`,
    });
  }
}
