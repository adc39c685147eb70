import { Module } from '@nestjs/common';
import { AnalyticsService } from './analytics/analytics.service';
import { StatsService } from './figures/stats.service';

/** Reading the snapshots, with no HTTP: the API's controllers and the worker's reports share it. */
@Module({
  providers: [StatsService, AnalyticsService],
  exports: [StatsService, AnalyticsService],
})
export class StatsCoreModule {}
