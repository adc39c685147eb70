import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles, UuidParam } from '@cascade/platform';
import { CohortPlansQuery, GenerationsQuery, TrainersQuery } from './analytics.dto';
import {
  CohortPlansView,
  GenerationsView,
  RegionReachesView,
  RoundPlansView,
  TrainersView,
} from './analytics.view';
import { AnalyticsService } from './analytics.service';

/** Cascade analytics: dilution by generation and by trainer, plan against actual. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('programmes/:id/stats')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('generations')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The funnel by cascade generation',
    description:
      'Participants, completers, certified, AI adopters and their rates per generation, for the programme or one scope.',
  })
  @ApiOkResponse({ type: GenerationsView })
  generations(@UuidParam('id') id: string, @Query() query: GenerationsQuery): Promise<GenerationsView> {
    return this.analytics.generations(id, query.scope, query.scopeId);
  }

  @Get('trainers')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Reach and outcome per trainer',
    description:
      "Every lead trainer and master teacher: the people they trained directly and their whole sub-tree, with completion and certification rates; flags name the direct trainees' rates markedly below the programme's.",
  })
  @ApiOkResponse({ type: TrainersView })
  trainers(@UuidParam('id') id: string, @Query() query: TrainersQuery): Promise<TrainersView> {
    return this.analytics.trainers(id, query);
  }

  @Get('plan/rounds')
  @Roles(...READERS)
  @ApiOperation({ summary: "Each round's target participants against enrolled, completers and certified" })
  @ApiOkResponse({ type: RoundPlansView })
  rounds(@UuidParam('id') id: string): Promise<RoundPlansView> {
    return this.analytics.rounds(id);
  }

  @Get('plan/cohorts')
  @Roles(...READERS)
  @ApiOperation({ summary: "Each cohort's capacity against its places taken" })
  @ApiOkResponse({ type: CohortPlansView })
  cohorts(@UuidParam('id') id: string, @Query() query: CohortPlansQuery): Promise<CohortPlansView> {
    return this.analytics.cohorts(id, query);
  }

  @Get('plan/regions')
  @Roles(...READERS)
  @ApiOperation({ summary: "Each region's share of its institutions reached" })
  @ApiOkResponse({ type: RegionReachesView })
  regions(@UuidParam('id') id: string): Promise<RegionReachesView> {
    return this.analytics.regions(id);
  }
}
