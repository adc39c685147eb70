import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, Public } from '@cascade/platform';
import { IssuerKeys } from '../signing/issuer-keys';

/** did:web:<host> resolves to https://<host>/.well-known/did.json: every key, current and retired. */
@ApiExcludeController()
@Public()
@Controller('.well-known')
export class DidWebController {
  constructor(private readonly keys: IssuerKeys) {}

  @Get('did.json')
  @Header('Content-Type', 'application/did+ld+json')
  async didDocument(): Promise<Record<string, unknown>> {
    const document = await this.keys.didDocument();
    if (!document)
      throw DomainError.notFound('DID document', 'did.json (CREDENTIAL_DID_WEB_HOST is not set)');
    return document;
  }
}
