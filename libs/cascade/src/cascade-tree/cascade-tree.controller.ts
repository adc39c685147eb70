import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, READERS, Roles, UuidParam } from '@cascade/platform';
import {
  CascadeRoots,
  CascadeSearchQuery,
  CascadeSearchResults,
  CascadeTreeQuery,
  CohortParticipants,
  TrainerCohorts,
} from './cascade-tree.dto';
import { CascadeTreeService } from './cascade-tree.service';

const WHO =
  'A master teacher sees their own branch in full and, above it, only the line of trainers that leads to ' +
  'them (403 elsewhere).';

/** The cascade a level at a time: master teachers → a trainer's cohorts → a cohort's participants → … */
@ApiTags('cascade')
@ApiBearerAuth()
@Controller('programmes/:id/cascade')
export class CascadeTreeController {
  constructor(private readonly trees: CascadeTreeService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The first level of the cascade tree',
    description: `People per generation and a page of the master teachers, each with the number of cohorts they lead and their participants. ${WHO}`,
  })
  @ApiOkResponse({ type: CascadeRoots })
  roots(
    @UuidParam('id') programmeId: string,
    @Query() query: CascadeTreeQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CascadeRoots> {
    return this.trees.roots(programmeId, query, actor);
  }

  @Get('search')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'People of the cascade tree by name or email',
    description:
      'A page of the people of the programme’s cascade (master teachers and participants) whose name or email ' +
      'contains q, by name, each with the path of tree nodes to open from their master teacher down to them. ' +
      'A master teacher finds only the people of their own branch.',
  })
  @ApiOkResponse({ type: CascadeSearchResults })
  search(
    @UuidParam('id') programmeId: string,
    @Query() query: CascadeSearchQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CascadeSearchResults> {
    return this.trees.search(programmeId, query, actor);
  }

  @Get('trainers/:personId')
  @Roles(...READERS)
  @ApiOperation({
    summary: "A trainer's cohorts in the cascade",
    description: `The trainer (with their generation) and a page of the cohorts they lead, participants counted by status. ${WHO}`,
  })
  @ApiOkResponse({ type: TrainerCohorts })
  trainer(
    @UuidParam('id') programmeId: string,
    @UuidParam('personId') personId: string,
    @Query() query: CascadeTreeQuery,
    @CurrentActor() actor: Actor,
  ): Promise<TrainerCohorts> {
    return this.trees.trainer(programmeId, personId, query, actor);
  }

  @Get('cohorts/:cohortId/participants')
  @Roles(...READERS)
  @ApiOperation({
    summary: "A cohort's participants in the cascade",
    description: `A page of the cohort's participants with their generation and status; one who leads cohorts has them counted (expand with …/cascade/trainers/:personId). ${WHO}`,
  })
  @ApiOkResponse({ type: CohortParticipants })
  participants(
    @UuidParam('id') programmeId: string,
    @UuidParam('cohortId') cohortId: string,
    @Query() query: CascadeTreeQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CohortParticipants> {
    return this.trees.participants(programmeId, cohortId, query, actor);
  }
}
