import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StatsCoreModule } from '@cascade/stats';
import { AnalyticsSource } from './content/analytics.source';
import { SummarySource } from './content/summary.source';
import { ReportGenerator } from './generation/report-generator.service';
import { ReportsCleanup } from './generation/reports-cleanup.service';
import { ReportsProcessor } from './generation/reports.processor';
import { ReportQueue } from './report-requests/report-queue.service';
import { ReportRequest } from './report-requests/report-request.entity';

/** The worker's side of reports: the exports processor, its generator and the periodic cleanup. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportRequest]), StatsCoreModule],
  providers: [ReportsProcessor, ReportGenerator, ReportsCleanup, SummarySource, AnalyticsSource, ReportQueue],
  exports: [ReportGenerator, ReportsCleanup],
})
export class ReportsJobsModule {}
