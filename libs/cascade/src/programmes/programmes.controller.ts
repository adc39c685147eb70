import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, pageOf, READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import { CreateProgrammeDto, ProgrammeQuery, UpdateProgrammeDto } from './programme.dto';
import { Programme } from './programme.entity';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiOperation({ summary: 'List programmes' })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(Programme) })
  list(@Query() query: ProgrammeQuery): Promise<Page<Programme>> {
    return this.programmes.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a programme' })
  @Roles(...READERS)
  @ApiOkResponse({ type: Programme })
  get(@UuidParam('id') id: string): Promise<Programme> {
    return this.programmes.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a programme' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: Programme })
  create(@Body() dto: CreateProgrammeDto): Promise<Programme> {
    return this.programmes.create(dto);
  }

  /** A change of coreCourseIds or passMark re-evaluates the programme's certifications. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change a programme' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: Programme })
  update(@UuidParam('id') id: string, @Body() dto: UpdateProgrammeDto): Promise<Programme> {
    return this.programmes.update(id, dto);
  }
}
