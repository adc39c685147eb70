import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, READERS, Roles, UuidParam } from '@cascade/platform';
import { CompletionQuery, CompletionView, CreateCompletionDto, UpdateCompletionDto } from './completion.dto';
import { CompletionsService } from './completions.service';

@ApiTags('completions')
@ApiBearerAuth()
@Controller('enrolments/:id/completions')
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  @Get()
  @ApiOperation({ summary: "List an enrolment's course completions" })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(CompletionView) })
  list(
    @UuidParam('id') enrolmentId: string,
    @Query() query: CompletionQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CompletionView>> {
    return this.completions.list(enrolmentId, query, actor);
  }

  /** 409 for a second completion of the course or a withdrawn enrolment; re-evaluates certification after commit. */
  @Post()
  @ApiOperation({ summary: 'Record the completion of a course of the cohort' })
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiCreatedResponse({ type: CompletionView })
  create(
    @UuidParam('id') enrolmentId: string,
    @Body() dto: CreateCompletionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CompletionView> {
    return this.completions.create(enrolmentId, dto, actor);
  }

  /** Corrects the score or the date; re-evaluates certification after commit. */
  @Patch(':completionId')
  @ApiOperation({ summary: "Correct a completion's date or score" })
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiOkResponse({ type: CompletionView })
  update(
    @UuidParam('id') enrolmentId: string,
    @UuidParam('completionId') completionId: string,
    @Body() dto: UpdateCompletionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CompletionView> {
    return this.completions.update(enrolmentId, completionId, dto, actor);
  }

  /** Removes a completion recorded by mistake; the enrolment's status steps back, certification is re-evaluated. */
  @Delete(':completionId')
  @ApiOperation({ summary: 'Remove a completion recorded by mistake' })
  @HttpCode(204)
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiNoContentResponse({ description: 'Removed' })
  remove(
    @UuidParam('id') enrolmentId: string,
    @UuidParam('completionId') completionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.completions.remove(enrolmentId, completionId, actor);
  }
}
