import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { RollupRequestsService } from '../jobs/rollup-requests.service';
import { StatsQuery } from './stats.dto';
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
  @Roles(...READERS)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(FiguresView) }, { $ref: getSchemaPath(BreakdownView) }] },
  })
  get(@Param('id', UuidPipe) id: string, @Query() query: StatsQuery): Promise<FiguresView | BreakdownView> {
    if (query.scope !== undefined && query.scopeId === undefined)
      return this.stats.breakdownView(id, query.scope);
    return this.stats.figures(id, query.scope, query.scopeId);
  }

  @Get('history')
  @Roles(...READERS)
  @ApiOkResponse({ type: [HistoryPointView] })
  history(@Param('id', UuidPipe) id: string): Promise<HistoryPointView[]> {
    return this.stats.history(id);
  }

  @Post('refresh')
  @Roles(...STAFF)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RollupJobView })
  refresh(@Param('id', UuidPipe) id: string): Promise<RollupJobView> {
    return this.rollups.refresh(id);
  }

  @Get('jobs/:jobId')
  @Roles(...READERS)
  @ApiOkResponse({ type: RollupJobView })
  job(@Param('id', UuidPipe) id: string, @Param('jobId') jobId: string): Promise<RollupJobView> {
    return this.rollups.job(id, jobId);
  }
}
