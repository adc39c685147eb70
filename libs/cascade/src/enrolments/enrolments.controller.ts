import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, READERS, Roles, UuidPipe } from '@cascade/platform';
import { CreateEnrolmentDto, EnrolmentQuery, EnrolmentView, UpdateEnrolmentDto } from './enrolment.dto';
import { EnrolmentsService } from './enrolments.service';

const MANAGERS = ['admin', 'coordinator', 'master_teacher'] as const;

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Get('cohorts/:id/enrolments')
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<EnrolmentView> })
  list(
    @Param('id', UuidPipe) cohortId: string,
    @Query() query: EnrolmentQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<EnrolmentView>> {
    return this.enrolments.list(cohortId, query, actor);
  }

  /** 409 when the cohort is full or the person is already enrolled in it. */
  @Post('cohorts/:id/enrolments')
  @Roles(...MANAGERS)
  @ApiCreatedResponse({ type: EnrolmentView })
  enrol(
    @Param('id', UuidPipe) cohortId: string,
    @Body() dto: CreateEnrolmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnrolmentView> {
    return this.enrolments.enrol(cohortId, dto, actor);
  }

  @Patch('enrolments/:id')
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: EnrolmentView })
  update(
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateEnrolmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnrolmentView> {
    return this.enrolments.update(id, dto, actor);
  }
}
