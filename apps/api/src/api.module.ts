import { Module } from '@nestjs/common';
import { PlatformHttpModule, PlatformModule, QueueBoardModule } from '@cascade/platform';
import { ReferenceModule } from '@cascade/reference';
import { CascadeModule } from '@cascade/cascade';
import { MentoringModule } from '@cascade/mentoring';
import { StatsModule } from '@cascade/stats';
import { ReportsModule } from '@cascade/reports';
import { ImportsModule } from '@cascade/imports';
import { CredentialsModule } from '@cascade/credentials';
import { DataQualityModule } from '@cascade/quality';

@Module({
  imports: [
    PlatformModule,
    PlatformHttpModule,
    QueueBoardModule,
    ReferenceModule,
    CascadeModule,
    MentoringModule,
    StatsModule,
    ReportsModule,
    ImportsModule,
    CredentialsModule,
    DataQualityModule,
  ],
})
export class ApiModule {}
