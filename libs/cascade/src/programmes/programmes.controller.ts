import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { CreateProgrammeDto, ProgrammeQuery, UpdateProgrammeDto } from './programme.dto';
import { Programme } from './programme.entity';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<Programme> })
  list(@Query() query: ProgrammeQuery): Promise<Page<Programme>> {
    return this.programmes.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: Programme })
  get(@Param('id', UuidPipe) id: string): Promise<Programme> {
    return this.programmes.get(id);
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: Programme })
  create(@Body() dto: CreateProgrammeDto): Promise<Programme> {
    return this.programmes.create(dto);
  }

  /** A change of coreCourseIds or passMark re-evaluates the programme's certifications. */
  @Patch(':id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: Programme })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateProgrammeDto): Promise<Programme> {
    return this.programmes.update(id, dto);
  }
}
