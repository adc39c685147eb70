import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import {
  BulkRevokeDto,
  BulkRevokeResult,
  CertificationQuery,
  CertificationView,
  EvaluationOutcome,
  RequestEvaluationDto,
  RevokeCertificationDto,
} from './certification.dto';
import { CertificationsService } from './certifications.service';

@ApiTags('certifications')
@ApiBearerAuth()
@Controller()
export class CertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  @Get('programmes/:id/certifications')
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<CertificationView> })
  list(
    @Param('id', UuidPipe) programmeId: string,
    @Query() query: CertificationQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CertificationView>> {
    return this.certifications.list(programmeId, query, actor);
  }

  /**
   * Evaluates the person now (synchronously, the same SQL as the `certification.evaluate` job)
   * and answers where they stand; lifts the block of an earlier manual revocation.
   */
  @Post('programmes/:id/certifications')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: EvaluationOutcome })
  evaluate(
    @Param('id', UuidPipe) programmeId: string,
    @Body() dto: RequestEvaluationDto,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationOutcome> {
    return this.certifications.requestEvaluation(programmeId, dto.personId, actor);
  }

  /** Revokes a list with one reason: all in one transaction (their credentials' status bits with them), or none. */
  @Post('certifications/revoke')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: BulkRevokeResult })
  revokeMany(@Body() dto: BulkRevokeDto, @CurrentActor() actor: Actor): Promise<BulkRevokeResult> {
    return this.certifications.revokeMany(dto.certificationIds, dto.reason, actor);
  }

  @Post('certifications/:id/revoke')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: CertificationView })
  revoke(
    @Param('id', UuidPipe) id: string,
    @Body() dto: RevokeCertificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationView> {
    return this.certifications.revoke(id, dto.reason, actor);
  }
}
