import { Module } from '@nestjs/common';
import { CredentialsCoreModule } from './credentials-core.module';
import { CredentialsProcessor } from './issuing/credentials.processor';

/** The credentials' worker side: signing after certification, and its sweep. */
@Module({
  imports: [CredentialsCoreModule],
  providers: [CredentialsProcessor],
})
export class CredentialsJobsModule {}
