import { Module } from '@nestjs/common';
import { StatsSweepScheduler } from './jobs/stats-sweep.scheduler';
import { StatsProcessor } from './jobs/stats.processor';
import { RollupService } from './rollup/rollup.service';

/** The worker's side of the figures: the rollup and the sweep that keeps it honest. */
@Module({
  providers: [RollupService, StatsProcessor, StatsSweepScheduler],
  exports: [RollupService],
})
export class StatsJobsModule {}
