import { Global, Module } from '@nestjs/common';
import { CascadeCoreModule, CERTIFICATION_LISTENER } from '@cascade/cascade';
import { CredentialIssuer } from './issuing/credential-issuer.service';
import { CredentialQueue } from './issuing/credential-queue';
import { CredentialSigner } from './signing/credential-signer';
import { IssuerKeys } from './signing/issuer-keys';
import { StatusListsService } from './status/status-lists.service';

const services = [IssuerKeys, CredentialSigner, StatusListsService, CredentialQueue, CredentialIssuer];

/**
 * Keys, signing, status lists and issuing, shared by the HTTP side and the jobs. Global, because
 * the cascade's certification flows call it (through CERTIFICATION_LISTENER) without importing it.
 */
@Global()
@Module({
  imports: [CascadeCoreModule],
  providers: [...services, { provide: CERTIFICATION_LISTENER, useExisting: CredentialQueue }],
  exports: [...services, CERTIFICATION_LISTENER],
})
export class CredentialsCoreModule {}
