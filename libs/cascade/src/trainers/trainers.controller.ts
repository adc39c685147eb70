import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { RoundsService } from '../rounds/rounds.service';
import { EligibleTrainersPage, EligibleTrainersQuery, EligibleTrainerView } from './trainer.dto';
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
  @Roles(...STAFF)
  @ApiOkResponse({ type: EligibleTrainersPage })
  async list(
    @Param('id', UuidPipe) programmeId: string,
    @Param('roundId', UuidPipe) roundId: string,
    @Query() query: EligibleTrainersQuery,
  ): Promise<Page<EligibleTrainerView>> {
    const round = await this.rounds.get(programmeId, roundId);
    return this.trainers.eligibleLeadTrainers(programmeId, round.number, query);
  }
}
