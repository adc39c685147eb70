import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import {
  Actor,
  BatchEnvelopePipe,
  BodyLimit,
  CurrentActor,
  ErrorBody,
  Page,
  pageOf,
  RECORD_READERS,
  Role,
  Roles,
  UuidParam,
} from '@cascade/platform';
import {
  BatchResult,
  BatchSessionsDto,
  CreateSessionDto,
  SessionQuery,
  SessionView,
  UpdateSessionDto,
} from './session.dto';
import { SessionsService } from './sessions.service';

/** Who may log sessions: staff for anyone, a master teacher for the assignments they mentor. */
const LOGGERS: Role[] = ['admin', 'coordinator', 'master_teacher'];

@ApiTags('mentoring')
@ApiBearerAuth()
@Controller('mentoring')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('assignments/:id/sessions')
  @ApiOperation({ summary: "List an assignment's mentoring sessions" })
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: pageOf(SessionView) })
  list(
    @UuidParam('id') id: string,
    @Query() query: SessionQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<SessionView>> {
    return this.sessions.list(id, query, actor);
  }

  @Post('assignments/:id/sessions')
  @ApiOperation({ summary: 'Log one mentoring session (idempotent by clientRef)' })
  @Roles(...LOGGERS)
  @ApiCreatedResponse({ type: SessionView, description: 'Stored now' })
  @ApiOkResponse({
    type: SessionView,
    description: 'This clientRef was stored before with the same content: the stored session',
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'This clientRef was stored before with different content',
  })
  async log(
    @UuidParam('id') id: string,
    @Body() dto: CreateSessionDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const { created, session } = await this.sessions.logOne(id, dto, actor);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return SessionView.of(session);
  }

  @Post('sessions/batch')
  @ApiOperation({
    summary: 'Log mentoring sessions recorded offline, in one batch (idempotent by clientRef)',
  })
  @Roles(...LOGGERS)
  // 500 sessions with notes of up to 4,000 characters, often Cyrillic.
  @BodyLimit('10mb')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: BatchResult,
    description:
      'Always 200 once the envelope is valid: each item has its own status (created, duplicate, conflict, rejected)',
  })
  @ApiBody({ type: BatchSessionsDto })
  batch(
    // No class as the type: the global pipe would build all 500 items before each is read on its own.
    @Body(new BatchEnvelopePipe(BatchSessionsDto)) body: { sessions: unknown[] },
    @CurrentActor() actor: Actor,
  ): Promise<BatchResult> {
    return this.sessions.batch(body.sessions, actor);
  }

  @Patch('sessions/:id')
  @ApiOperation({ summary: 'Correct a mentoring session' })
  @Roles(...LOGGERS)
  @ApiOkResponse({ type: SessionView })
  async update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateSessionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SessionView> {
    return SessionView.of(await this.sessions.update(id, dto, actor));
  }
}
