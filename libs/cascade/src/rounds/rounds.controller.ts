import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, PageQuery, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { CascadeRound } from './cascade-round.entity';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('programmes/:id/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<CascadeRound> })
  list(@Param('id', UuidPipe) programmeId: string, @Query() query: PageQuery): Promise<Page<CascadeRound>> {
    return this.rounds.list(programmeId, query);
  }

  @Get(':roundId')
  @Roles(...READERS)
  @ApiOkResponse({ type: CascadeRound })
  get(
    @Param('id', UuidPipe) programmeId: string,
    @Param('roundId', UuidPipe) roundId: string,
  ): Promise<CascadeRound> {
    return this.rounds.get(programmeId, roundId);
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: CascadeRound })
  create(@Param('id', UuidPipe) programmeId: string, @Body() dto: CreateRoundDto): Promise<CascadeRound> {
    return this.rounds.create(programmeId, dto);
  }

  @Patch(':roundId')
  @Roles(...STAFF)
  @ApiOkResponse({ type: CascadeRound })
  update(
    @Param('id', UuidPipe) programmeId: string,
    @Param('roundId', UuidPipe) roundId: string,
    @Body() dto: UpdateRoundDto,
  ): Promise<CascadeRound> {
    return this.rounds.update(programmeId, roundId, dto);
  }
}
