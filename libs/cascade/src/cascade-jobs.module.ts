import { Module } from '@nestjs/common';
import { CascadeCoreModule } from './cascade-core.module';
import { CertificationProcessor } from './certifications/certification.processor';

/** The cascade's worker side: the certification queue's processor (evaluate, sweep) and the sweep's schedule. */
@Module({
  imports: [CascadeCoreModule],
  providers: [CertificationProcessor],
})
export class CascadeJobsModule {}
