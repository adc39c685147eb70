import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import {
  AssignmentQuery,
  AssignmentView,
  CreateAssignmentDto,
  ReassignDto,
  UpdateAssignmentDto,
} from './assignment.dto';
import { AssignmentsService } from './assignments.service';

@ApiTags('mentoring')
@ApiBearerAuth()
@Controller('mentoring/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @ApiOperation({ summary: 'List mentoring assignments' })
  @Roles(...READERS)
  @ApiOkResponse({
    type: pageOf(AssignmentView),
    description: 'A master teacher sees only assignments where they are the mentor',
  })
  list(@Query() query: AssignmentQuery, @CurrentActor() actor: Actor): Promise<Page<AssignmentView>> {
    return this.assignments.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a mentoring assignment' })
  @Roles(...READERS)
  @ApiOkResponse({ type: AssignmentView })
  async get(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.get(id, actor));
  }

  @Post()
  @ApiOperation({ summary: 'Assign a mentor to a mentee' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: AssignmentView })
  async create(@Body() dto: CreateAssignmentDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.create(dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change or end a mentoring assignment' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: AssignmentView })
  async update(@UuidParam('id') id: string, @Body() dto: UpdateAssignmentDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.update(id, dto));
  }

  @Post(':id/reassign')
  @ApiOperation({ summary: 'End a mentoring assignment and give the mentee a new mentor' })
  @Roles(...STAFF)
  @ApiCreatedResponse({
    type: AssignmentView,
    description: 'The new assignment; the old one ends on its startsOn',
  })
  async reassign(@UuidParam('id') id: string, @Body() dto: ReassignDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.reassign(id, dto));
  }
}
