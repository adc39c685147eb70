import { Module } from '@nestjs/common';
import { StatsController } from './figures/stats.controller';
import { StatsService } from './figures/stats.service';
import { RollupRequestsService } from './jobs/rollup-requests.service';

/** The figures API: reads the snapshots the rollup writes, and asks for rollups. */
@Module({
  controllers: [StatsController],
  providers: [StatsService, RollupRequestsService],
  exports: [StatsService],
})
export class StatsModule {}
