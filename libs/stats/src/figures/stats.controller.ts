import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import { RollupRequestsService } from '../jobs/rollup-requests.service';
import { RollupJobQuery, StatsQuery } from './stats.dto';
import { BreakdownView, FiguresView, HistoryPointView, RollupJobView } from './figures.view';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@ApiExtraModels(FiguresView, BreakdownView)
@Controller('programmes/:id/stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly rollups: RollupRequestsService,
  ) {}

  /** The programme's figures; with scope, one scope (scopeId) or every scope of that kind. */
  @Get()
  @ApiOperation({ summary: "A programme's figures, for the programme or for its scopes" })
  @Roles(...READERS)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(FiguresView) }, { $ref: getSchemaPath(BreakdownView) }] },
  })
  get(@UuidParam('id') id: string, @Query() query: StatsQuery): Promise<FiguresView | BreakdownView> {
    if (query.scope !== undefined && query.scopeId === undefined)
      return this.stats.breakdownView(id, query.scope);
    return this.stats.figures(id, query.scope, query.scopeId);
  }

  @Get('history')
  @ApiOperation({ summary: "A programme's figures, one snapshot a day" })
  @Roles(...READERS)
  @ApiOkResponse({ type: [HistoryPointView] })
  history(@UuidParam('id') id: string): Promise<HistoryPointView[]> {
    return this.stats.history(id);
  }

  @Post('refresh')
  @Roles(...STAFF)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a rollup of the figures',
    description:
      'Answers the rollup job that will run, or the one already waiting or running, with the dirtyVersion ' +
      'that counts every write committed before this request. Poll GET jobs/:jobId?dirtyVersion= until ' +
      'coversVersion is true: a job that was already running may complete without those writes.',
  })
  @ApiAcceptedResponse({ type: RollupJobView })
  refresh(@UuidParam('id') id: string): Promise<RollupJobView> {
    return this.rollups.refresh(id);
  }

  @Get('jobs/:jobId')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A rollup job, and whether the figures include a dirty version',
    description: 'coversVersion is whether the latest snapshot includes every write up to dirtyVersion.',
  })
  @ApiParam({
    name: 'jobId',
    type: String,
    description: 'The rollup job id that POST stats/refresh answered',
  })
  @ApiOkResponse({ type: RollupJobView })
  job(
    @UuidParam('id') id: string,
    @Param('jobId') jobId: string,
    @Query() query: RollupJobQuery,
  ): Promise<RollupJobView> {
    return this.rollups.job(id, jobId, query.dirtyVersion);
  }
}
