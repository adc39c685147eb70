import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, READERS, Roles, UuidParam } from '@cascade/platform';
import { CreateEnrolmentDto, EnrolmentQuery, EnrolmentView, UpdateEnrolmentDto } from './enrolment.dto';
import { EnrolmentsService } from './enrolments.service';

const MANAGERS = ['admin', 'coordinator', 'master_teacher'] as const;

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Get('cohorts/:id/enrolments')
  @ApiOperation({ summary: "List a cohort's enrolments" })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(EnrolmentView) })
  list(
    @UuidParam('id') cohortId: string,
    @Query() query: EnrolmentQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<EnrolmentView>> {
    return this.enrolments.list(cohortId, query, actor);
  }

  /** 409 when the cohort is full or the person is already enrolled in it. */
  @Post('cohorts/:id/enrolments')
  @ApiOperation({ summary: 'Enrol a person in a cohort' })
  @Roles(...MANAGERS)
  @ApiCreatedResponse({ type: EnrolmentView })
  enrol(
    @UuidParam('id') cohortId: string,
    @Body() dto: CreateEnrolmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnrolmentView> {
    return this.enrolments.enrol(cohortId, dto, actor);
  }

  @Patch('enrolments/:id')
  @ApiOperation({ summary: "Change an enrolment's status (withdraw)" })
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: EnrolmentView })
  update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateEnrolmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnrolmentView> {
    return this.enrolments.update(id, dto, actor);
  }
}
