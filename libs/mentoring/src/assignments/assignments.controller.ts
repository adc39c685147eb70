import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
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
  @Roles(...READERS)
  @ApiOkResponse({
    type: Page<AssignmentView>,
    description: 'A master teacher sees only assignments where they are the mentor',
  })
  list(@Query() query: AssignmentQuery, @CurrentActor() actor: Actor): Promise<Page<AssignmentView>> {
    return this.assignments.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: AssignmentView })
  async get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.get(id, actor));
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: AssignmentView })
  async create(@Body() dto: CreateAssignmentDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.create(dto));
  }

  @Patch(':id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: AssignmentView })
  async update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateAssignmentDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.update(id, dto));
  }

  @Post(':id/reassign')
  @Roles(...STAFF)
  @ApiCreatedResponse({
    type: AssignmentView,
    description: 'The new assignment; the old one ends on its startsOn',
  })
  async reassign(@Param('id', UuidPipe) id: string, @Body() dto: ReassignDto): Promise<AssignmentView> {
    return AssignmentView.of(await this.assignments.reassign(id, dto));
  }
}
