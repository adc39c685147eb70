import { Module } from '@nestjs/common';
import { CredentialsCoreModule } from './credentials-core.module';
import { CredentialsController } from './holder/credentials.controller';
import { CredentialsService } from './holder/credentials.service';
import { CredentialVerifier } from './public/credential-verifier';
import { DidWebController } from './public/did-web.controller';
import { PublicCredentialsController } from './public/public-credentials.controller';

/** The credentials' HTTP side: the public credential, status list, verification and did:web routes, and the staff list. */
@Module({
  imports: [CredentialsCoreModule],
  controllers: [PublicCredentialsController, DidWebController, CredentialsController],
  providers: [CredentialsService, CredentialVerifier],
})
export class CredentialsModule {}
