import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { loadConfig, Public, UuidParam } from '@cascade/platform';
import { CredentialsService } from '../holder/credentials.service';
import { CredentialSigner } from '../signing/credential-signer';
import { microcredentialContext } from '../signing/contexts';
import { StatusListsService } from '../status/status-lists.service';
import { CredentialVerifier } from './credential-verifier';
import { VerificationResult, VerifyCredentialDto } from './verification.dto';

let publicLimit: number | undefined;
/** PUBLIC_RATE_LIMIT_PER_MINUTE, read once: a decorator has no access to Nest's configuration. */
const perMinute = () => (publicLimit ??= loadConfig().PUBLIC_RATE_LIMIT_PER_MINUTE);

/**
 * What anyone may read without an account: credentials, status lists, the extension context and
 * verification. Rate-limited per address; answers only what the credentials themselves state.
 */
@ApiTags('public')
@Public()
@Throttle({ default: { limit: perMinute, ttl: 60_000 } })
@ApiTooManyRequestsResponse({
  description: 'More than PUBLIC_RATE_LIMIT_PER_MINUTE requests from one address',
})
@Controller('public')
export class PublicCredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly statusLists: StatusListsService,
    private readonly verifier: CredentialVerifier,
    private readonly signer: CredentialSigner,
  ) {}

  /** The signed Open Badges 3.0 credential (JSON-LD), as issued: what a wallet stores. */
  @Get('credentials/:id')
  @ApiOperation({ summary: 'The signed Open Badges 3.0 credential (JSON-LD)' })
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @ApiOkResponse({ description: 'An OpenBadgeCredential with a DataIntegrityProof (eddsa-rdfc-2022)' })
  credential(@UuidParam('id') id: string): Promise<Record<string, unknown>> {
    return this.credentials.document(id);
  }

  /** The holder's certificate: Mongolian and English, with a QR code to the verify page. */
  @Get('credentials/:id/certificate.pdf')
  @ApiOperation({ summary: "The holder's certificate as a PDF" })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF' })
  async certificate(@UuidParam('id') id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.credentials.certificate(id), {
      type: 'application/pdf',
      disposition: `inline; filename="certificate-${id}.pdf"`,
    });
  }

  /** The signed BitstringStatusListCredential: bit n set = the credential at index n is revoked. */
  @Get('status-lists/:id')
  @ApiOperation({ summary: 'A signed status list of revocations' })
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ description: 'A BitstringStatusListCredential with a DataIntegrityProof' })
  statusList(@UuidParam('id') id: string): Promise<Record<string, unknown>> {
    return this.statusLists.signed(id);
  }

  /** The JSON-LD context of the EU elements Open Badges 3.0 has no field for. */
  @Get('contexts/microcredential-v1.jsonld')
  @ApiOperation({ summary: 'The JSON-LD context of the EU micro-credential elements' })
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  context(): Record<string, unknown> {
    return microcredentialContext(this.signer.publicUrl);
  }

  /** Verifies the latest credential of a certification number: what the verify page shows. */
  @Get('verifications/:number')
  @ApiOperation({ summary: 'Verify the credential of a certification number' })
  @ApiParam({ name: 'number', type: String, description: 'A certification number such as MC-2026-000123' })
  @ApiOkResponse({ type: VerificationResult })
  async verifyNumber(@Param('number') number: string): Promise<VerificationResult> {
    return this.verifier.verify(await this.credentials.documentByNumber(number));
  }

  /** Verifies a credential pasted or uploaded on the verify page. */
  @Post('verifications')
  @ApiOperation({ summary: 'Verify a pasted or uploaded credential' })
  @HttpCode(200)
  @ApiOkResponse({ type: VerificationResult })
  verify(@Body() dto: VerifyCredentialDto): Promise<VerificationResult> {
    return this.verifier.verify(dto.credential);
  }
}
