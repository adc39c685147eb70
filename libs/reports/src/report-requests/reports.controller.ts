import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor, ErrorBody, Public, READERS, Roles, UuidParam } from '@cascade/platform';
import {
  CreateReportDto,
  ReportAcceptedView,
  ReportDownloadQuery,
  ReportLinkView,
  ReportPage,
  ReportQuery,
  ReportView,
} from './report-request.dto';
import { ReportFile, ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask for a report file (CSV, XLSX or PDF), made in the background' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ReportAcceptedView, description: 'queued; follow it at GET /reports/:id' })
  request(@Body() dto: CreateReportDto, @CurrentActor() actor: Actor): Promise<ReportAcceptedView> {
    return this.reports.request(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List report requests' })
  @ApiOkResponse({ type: ReportPage })
  list(@Query() query: ReportQuery, @CurrentActor() actor: Actor): Promise<ReportPage> {
    return this.reports.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: "Get a report request's status and progress" })
  @ApiOkResponse({ type: ReportView })
  get(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<ReportView> {
    return this.reports.get(id, actor);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Download a finished report file' })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ description: 'the file, as an attachment' })
  @ApiConflictResponse({ type: ErrorBody, description: 'not done yet' })
  @ApiGoneResponse({ type: ErrorBody, description: 'expired' })
  async file(
    @UuidParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(await this.reports.file(id, actor), res);
  }

  @Post(':id/link')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'A download link a browser can open',
    description:
      'Only for a report the caller may see (its requester, admin, coordinator). Answers a URL signed for this report ' +
      'only, valid for REPORT_LINK_MINUTES (default 10), that needs no Authorization header.',
  })
  @ApiCreatedResponse({ type: ReportLinkView })
  @ApiConflictResponse({ type: ErrorBody, description: 'not done yet' })
  @ApiGoneResponse({ type: ErrorBody, description: 'expired' })
  link(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<ReportLinkView> {
    return this.reports.link(id, actor);
  }
}

/** The other half of POST /reports/:id/link: no token, the signature stands for the caller. */
@ApiTags('reports')
@Controller('reports')
export class ReportDownloadController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/download')
  @Public()
  @ApiOperation({
    summary: 'Download a report through a signed link',
    description:
      'No token: the link from POST /reports/:id/link. 403 for a link of another report, altered or expired.',
  })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ description: 'the file, as an attachment' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'the link is not valid for this report, or expired' })
  @ApiGoneResponse({ type: ErrorBody, description: 'the report expired' })
  async download(
    @UuidParam('id') id: string,
    @Query() query: ReportDownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(await this.reports.fileByLink(id, query.expires, query.signature), res);
  }
}

function sendFile(file: ReportFile, res: Response): StreamableFile {
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  return new StreamableFile(file.stream, { type: file.contentType, length: file.sizeBytes });
}

/** RFC 6266: an ASCII fallback, and the real (possibly Cyrillic) name in UTF-8 (RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
