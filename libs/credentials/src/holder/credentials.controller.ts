import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageOf, Roles, STAFF } from '@cascade/platform';
import { CredentialQuery, CredentialView } from './credential.dto';
import { CredentialsService } from './credentials.service';

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** Issued credentials with the links a holder needs: the JSON for a wallet, the certificate, the verify page. */
  @Get()
  @ApiOperation({ summary: 'List issued credentials with their links' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: pageOf(CredentialView) })
  list(@Query() query: CredentialQuery): Promise<Page<CredentialView>> {
    return this.credentials.list(query);
  }
}
