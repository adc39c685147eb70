import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import { CohortQuery, CohortView, CreateCohortDto, UpdateCohortDto } from './cohort.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  /** A master teacher sees only the cohorts they lead. */
  @Get()
  @ApiOperation({ summary: 'List cohorts' })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(CohortView) })
  list(@Query() query: CohortQuery, @CurrentActor() actor: Actor): Promise<Page<CohortView>> {
    return this.cohorts.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a cohort' })
  @Roles(...READERS)
  @ApiOkResponse({ type: CohortView })
  get(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<CohortView> {
    return this.cohorts.get(id, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a cohort in a round, with its lead trainer' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: CohortView })
  create(@Body() dto: CreateCohortDto, @CurrentActor() actor: Actor): Promise<CohortView> {
    return this.cohorts.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a cohort' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: CohortView })
  update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateCohortDto,
    @CurrentActor() actor: Actor,
  ): Promise<CohortView> {
    return this.cohorts.update(id, dto, actor);
  }
}
