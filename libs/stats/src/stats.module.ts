import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics/analytics.controller';
import { StatsController } from './figures/stats.controller';
import { RollupRequestsService } from './jobs/rollup-requests.service';
import { StatsCoreModule } from './stats-core.module';

/** The figures API: reads the snapshots the rollup writes, and asks for rollups. */
@Module({
  imports: [StatsCoreModule],
  controllers: [StatsController, AnalyticsController],
  providers: [RollupRequestsService],
  exports: [StatsCoreModule],
})
export class StatsModule {}
