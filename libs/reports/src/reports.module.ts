import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeCoreModule } from '@cascade/cascade';
import { ReportQueue } from './report-requests/report-queue.service';
import { ReportRequest } from './report-requests/report-request.entity';
import { ReportLinks } from './report-requests/report-links';
import { ReportDownloadController, ReportsController } from './report-requests/reports.controller';
import { ReportsService } from './report-requests/reports.service';

/** The reports API: ask for a report, follow it, download its file. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportRequest]), CascadeCoreModule],
  controllers: [ReportsController, ReportDownloadController],
  providers: [ReportsService, ReportQueue, ReportLinks],
  exports: [ReportsService],
})
export class ReportsModule {}
