import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Page, pageOf, PageQuery, READERS, Roles, STAFF, UuidParam } from '@cascade/platform';
import { AddMasterTeacherDto, MasterTeacherView } from './master-teacher.dto';
import { MasterTeachersService } from './master-teachers.service';

@ApiTags('master teachers')
@ApiBearerAuth()
@Controller('programmes/:id/master-teachers')
export class MasterTeachersController {
  constructor(private readonly masterTeachers: MasterTeachersService) {}

  @Get()
  @ApiOperation({ summary: "List a programme's master teachers" })
  @Roles(...READERS)
  @ApiOkResponse({ type: pageOf(MasterTeacherView) })
  list(@UuidParam('id') programmeId: string, @Query() query: PageQuery): Promise<Page<MasterTeacherView>> {
    return this.masterTeachers.list(programmeId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Make a person a master teacher of the programme' })
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: MasterTeacherView })
  add(@UuidParam('id') programmeId: string, @Body() dto: AddMasterTeacherDto): Promise<MasterTeacherView> {
    return this.masterTeachers.add(programmeId, dto);
  }

  @Delete(':personId')
  @ApiOperation({ summary: 'Remove a master teacher from the programme' })
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse({ description: 'No longer a master teacher of the programme' })
  remove(@UuidParam('id') programmeId: string, @UuidParam('personId') personId: string): Promise<void> {
    return this.masterTeachers.remove(programmeId, personId);
  }
}
