import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Page, READERS, Roles, UuidPipe } from '@cascade/platform';
import { CompletionQuery, CompletionView, CreateCompletionDto, UpdateCompletionDto } from './completion.dto';
import { CompletionsService } from './completions.service';

@ApiTags('completions')
@ApiBearerAuth()
@Controller('enrolments/:id/completions')
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<CompletionView> })
  list(
    @Param('id', UuidPipe) enrolmentId: string,
    @Query() query: CompletionQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CompletionView>> {
    return this.completions.list(enrolmentId, query, actor);
  }

  /** 409 for a second completion of the course or a withdrawn enrolment; re-evaluates certification after commit. */
  @Post()
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiCreatedResponse({ type: CompletionView })
  create(
    @Param('id', UuidPipe) enrolmentId: string,
    @Body() dto: CreateCompletionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CompletionView> {
    return this.completions.create(enrolmentId, dto, actor);
  }

  /** Corrects the score or the date; re-evaluates certification after commit. */
  @Patch(':completionId')
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiOkResponse({ type: CompletionView })
  update(
    @Param('id', UuidPipe) enrolmentId: string,
    @Param('completionId', UuidPipe) completionId: string,
    @Body() dto: UpdateCompletionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CompletionView> {
    return this.completions.update(enrolmentId, completionId, dto, actor);
  }

  /** Removes a completion recorded by mistake; the enrolment's status steps back, certification is re-evaluated. */
  @Delete(':completionId')
  @HttpCode(204)
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiNoContentResponse({ description: 'Removed' })
  remove(
    @Param('id', UuidPipe) enrolmentId: string,
    @Param('completionId', UuidPipe) completionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.completions.remove(enrolmentId, completionId, actor);
  }
}
