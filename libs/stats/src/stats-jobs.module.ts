import { Module } from '@nestjs/common';
import { StatsProcessor } from './jobs/stats.processor';
import { RollupService } from './rollup/rollup.service';

/** The worker's side of the figures: the rollup and the sweep that keeps it honest. */
@Module({
  providers: [RollupService, StatsProcessor],
  exports: [RollupService],
})
export class StatsJobsModule {}
