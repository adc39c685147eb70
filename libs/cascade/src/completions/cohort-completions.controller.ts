import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  BatchEnvelopePipe,
  BodyLimit,
  CurrentActor,
  Page,
  pageOf,
  READERS,
  Roles,
  UuidParam,
} from '@cascade/platform';
import { BatchCompletionsDto, BatchCompletionsResult } from './completion-batch.dto';
import { CompletionBatchService } from './completion-batch.service';
import { CohortCompletionQuery, CohortCompletionView } from './completion.dto';
import { CompletionsService } from './completions.service';

/** A cohort's completions at once: the completions grid reads them, devices and clients send them in batches. */
@ApiTags('completions')
@ApiBearerAuth()
@Controller('cohorts/:id/completions')
export class CohortCompletionsController {
  constructor(
    private readonly completions: CompletionsService,
    private readonly batches: CompletionBatchService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: "List a cohort's completions",
    description: 'A master teacher reads only a cohort they lead. Ordered by person, then course.',
  })
  @ApiOkResponse({ type: pageOf(CohortCompletionView) })
  list(
    @UuidParam('id') cohortId: string,
    @Query() query: CohortCompletionQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CohortCompletionView>> {
    return this.completions.listForCohort(cohortId, query, actor);
  }

  @Post('batch')
  @Roles('admin', 'coordinator', 'master_teacher')
  // 500 items with 100-character client references exceed the small default.
  @BodyLimit('1mb')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record many completions of a cohort in one request',
    description:
      'A master teacher records only in a cohort they lead. Up to 500 items, each keyed by the ' +
      "sender's clientRef and naming a person enrolled in the cohort: resending an item stores nothing new and answers " +
      'it as a duplicate. Valid items are stored even when others are rejected; enrolment statuses follow, ' +
      'certification is re-evaluated.',
  })
  @ApiOkResponse({
    type: BatchCompletionsResult,
    description: 'Always 200 once the envelope is valid: each item has its own status',
  })
  @ApiBody({ type: BatchCompletionsDto })
  batch(
    @UuidParam('id') cohortId: string,
    // No class as the type: the global pipe would copy every item before each is read on its own.
    @Body(new BatchEnvelopePipe(BatchCompletionsDto)) body: { completions: unknown[] },
    @CurrentActor() actor: Actor,
  ): Promise<BatchCompletionsResult> {
    return this.batches.batch(cohortId, body.completions, actor);
  }
}
