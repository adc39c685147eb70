import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PlatformModule, PeriodicJobs, ProcessorCheck } from '@cascade/platform';
import { CascadeJobsModule } from '@cascade/cascade';
import { StatsJobsModule } from '@cascade/stats';
import { ReportsJobsModule } from '@cascade/reports';
import { ImportsJobsModule } from '@cascade/imports';
import { CredentialsJobsModule } from '@cascade/credentials';

@Module({
  imports: [
    PlatformModule,
    DiscoveryModule,
    CascadeJobsModule,
    StatsJobsModule,
    ReportsJobsModule,
    ImportsJobsModule,
    CredentialsJobsModule,
  ],
  providers: [ProcessorCheck, PeriodicJobs],
})
export class WorkerModule {}
