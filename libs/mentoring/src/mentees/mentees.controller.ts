import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, READERS, Roles } from '@cascade/platform';
import { mentoringAccess } from '../access/mentoring-access';
import { MenteeOverview, MenteeQuery, MyMenteeQuery } from './mentee.dto';
import { MenteesService } from './mentees.service';

@ApiTags('mentoring')
@ApiBearerAuth()
@Controller()
export class MenteesController {
  constructor(private readonly mentees: MenteesService) {}

  @Get('mentoring/mentees')
  @ApiOperation({ summary: 'List mentees with their mentoring activity' })
  @Roles(...READERS)
  @ApiOkResponse({
    type: pageOf(MenteeOverview),
    description: 'Active mentees with sessions, hours, last session and overdue',
  })
  list(@Query() query: MenteeQuery, @CurrentActor() actor: Actor): Promise<Page<MenteeOverview>> {
    const mentorId = mentoringAccess.mentorScope(actor, query.mentorId);
    return this.mentees.overview({ mentorId, programmeId: query.programmeId }, query);
  }

  @Get('me/mentees')
  @ApiOperation({ summary: "The calling master teacher's mentees" })
  @Roles('master_teacher')
  @ApiOkResponse({ type: pageOf(MenteeOverview), description: "The calling master teacher's active mentees" })
  mine(@Query() query: MyMenteeQuery, @CurrentActor() actor: Actor): Promise<Page<MenteeOverview>> {
    return this.mentees.overview(
      { mentorId: mentoringAccess.mentorScope(actor, undefined), programmeId: query.programmeId },
      query,
    );
  }
}
