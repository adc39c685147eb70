import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  BodyLimit,
  CurrentActor,
  Page,
  pageOf,
  READERS,
  Roles,
  STAFF,
  UuidParam,
} from '@cascade/platform';
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
  @ApiOperation({ summary: "List a programme's certifications" })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(CertificationView) })
  list(
    @UuidParam('id') programmeId: string,
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
  @ApiOperation({ summary: 'Evaluate one person for the programme credential now' })
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: EvaluationOutcome })
  evaluate(
    @UuidParam('id') programmeId: string,
    @Body() dto: RequestEvaluationDto,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationOutcome> {
    return this.certifications.requestEvaluation(programmeId, dto.personId, actor);
  }

  /** Revokes a list with one reason: all in one transaction (their credentials' status bits with them), or none. */
  @Post('certifications/revoke')
  @ApiOperation({ summary: 'Revoke many certifications with one reason, all or none' })
  // 10,000 ids are about 400 kB.
  @BodyLimit('1mb')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: BulkRevokeResult })
  revokeMany(@Body() dto: BulkRevokeDto, @CurrentActor() actor: Actor): Promise<BulkRevokeResult> {
    return this.certifications.revokeMany(dto.certificationIds, dto.reason, actor);
  }

  @Post('certifications/:id/revoke')
  @ApiOperation({ summary: 'Revoke a certification by hand, with the reason' })
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOkResponse({ type: CertificationView })
  revoke(
    @UuidParam('id') id: string,
    @Body() dto: RevokeCertificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationView> {
    return this.certifications.revoke(id, dto.reason, actor);
  }
}
