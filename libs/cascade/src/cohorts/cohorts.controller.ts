import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { CohortQuery, CohortView, CreateCohortDto, UpdateCohortDto } from './cohort.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  /** A master teacher sees only the cohorts they lead. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<CohortView> })
  list(@Query() query: CohortQuery, @CurrentActor() actor: Actor): Promise<Page<CohortView>> {
    return this.cohorts.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CohortView })
  get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<CohortView> {
    return this.cohorts.get(id, actor);
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: CohortView })
  create(@Body() dto: CreateCohortDto, @CurrentActor() actor: Actor): Promise<CohortView> {
    return this.cohorts.create(dto, actor);
  }

  @Patch(':id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: CohortView })
  update(
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateCohortDto,
    @CurrentActor() actor: Actor,
  ): Promise<CohortView> {
    return this.cohorts.update(id, dto, actor);
  }
}
