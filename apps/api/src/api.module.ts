import { Module } from '@nestjs/common';
import { PlatformHttpModule, PlatformModule } from '@cascade/platform';
import { ReferenceModule } from '@cascade/reference';
import { CascadeModule } from '@cascade/cascade';
import { MentoringModule } from '@cascade/mentoring';
import { StatsModule } from '@cascade/stats';
import { ReportsModule } from '@cascade/reports';
import { ImportsModule } from '@cascade/imports';
import { CredentialsModule } from '@cascade/credentials';

@Module({
  imports: [
    PlatformModule,
    PlatformHttpModule,
    ReferenceModule,
    CascadeModule,
    MentoringModule,
    StatsModule,
    ReportsModule,
    ImportsModule,
    CredentialsModule,
  ],
})
export class ApiModule {}
