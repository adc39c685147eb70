import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsService } from './analytics/analytics.service';
import { StatsController } from './figures/stats.controller';
import { StatsService } from './figures/stats.service';
import { RollupRequestsService } from './jobs/rollup-requests.service';

/** The figures API: reads the snapshots the rollup writes, and asks for rollups. */
@Module({
  controllers: [StatsController, AnalyticsController],
  providers: [StatsService, RollupRequestsService, AnalyticsService],
  exports: [StatsService, AnalyticsService],
})
export class StatsModule {}
