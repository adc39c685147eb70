import { Module } from '@nestjs/common';
import { PlatformHttpModule, PlatformModule } from '@cascade/platform';
import { ReferenceModule } from '@cascade/reference';
import { CascadeModule } from '@cascade/cascade';
import { MentoringModule } from '@cascade/mentoring';
import { StatsModule } from '@cascade/stats';
import { ReportsModule } from '@cascade/reports';

@Module({
  imports: [PlatformModule, PlatformHttpModule, ReferenceModule, CascadeModule, MentoringModule, StatsModule, ReportsModule],
})
export class ApiModule {}
