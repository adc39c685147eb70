import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageOf, Roles, STAFF, UuidParam } from '@cascade/platform';
import { RoundsService } from '../rounds/rounds.service';
import { EligibleTrainersQuery, EligibleTrainerView } from './trainer.dto';
import { TrainersService } from './trainers.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('programmes/:id/rounds/:roundId/eligible-lead-trainers')
export class TrainersController {
  constructor(
    private readonly trainers: TrainersService,
    private readonly rounds: RoundsService,
  ) {}

  /** Who may lead a cohort of this round (the cascade rule), so a planner picks instead of typing ids. */
  @Get()
  @ApiOperation({
    summary: 'Who may lead a cohort of the round: master teachers and completers of earlier rounds',
  })
  @Roles(...STAFF)
  @ApiOkResponse({ type: pageOf(EligibleTrainerView) })
  async list(
    @UuidParam('id') programmeId: string,
    @UuidParam('roundId') roundId: string,
    @Query() query: EligibleTrainersQuery,
  ): Promise<Page<EligibleTrainerView>> {
    const round = await this.rounds.get(programmeId, roundId);
    return this.trainers.eligibleLeadTrainers(programmeId, round.number, query);
  }
}
