import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageOf, PageQuery, READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import { CascadeRound } from './cascade-round.entity';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('programmes/:id/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @ApiOperation({ summary: "List a programme's cascade rounds" })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(CascadeRound) })
  list(@UuidParam('id') programmeId: string, @Query() query: PageQuery): Promise<Page<CascadeRound>> {
    return this.rounds.list(programmeId, query);
  }

  @Get(':roundId')
  @ApiOperation({ summary: 'Get a cascade round' })
  @Roles(...READERS)
  @ApiOkResponse({ type: CascadeRound })
  get(@UuidParam('id') programmeId: string, @UuidParam('roundId') roundId: string): Promise<CascadeRound> {
    return this.rounds.get(programmeId, roundId);
  }

  @Post()
  @ApiOperation({ summary: 'Plan a cascade round' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: CascadeRound })
  create(@UuidParam('id') programmeId: string, @Body() dto: CreateRoundDto): Promise<CascadeRound> {
    return this.rounds.create(programmeId, dto);
  }

  @Patch(':roundId')
  @ApiOperation({ summary: 'Change a cascade round' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: CascadeRound })
  update(
    @UuidParam('id') programmeId: string,
    @UuidParam('roundId') roundId: string,
    @Body() dto: UpdateRoundDto,
  ): Promise<CascadeRound> {
    return this.rounds.update(programmeId, roundId, dto);
  }
}
