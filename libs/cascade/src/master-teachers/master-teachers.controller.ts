import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Page, PageQuery, READERS, Roles, STAFF, UuidPipe } from '@cascade/platform';
import { AddMasterTeacherDto, MasterTeacherView } from './master-teacher.dto';
import { MasterTeachersService } from './master-teachers.service';

@ApiTags('master teachers')
@ApiBearerAuth()
@Controller('programmes/:id/master-teachers')
export class MasterTeachersController {
  constructor(private readonly masterTeachers: MasterTeachersService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: Page<MasterTeacherView> })
  list(
    @Param('id', UuidPipe) programmeId: string,
    @Query() query: PageQuery,
  ): Promise<Page<MasterTeacherView>> {
    return this.masterTeachers.list(programmeId, query);
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: MasterTeacherView })
  add(
    @Param('id', UuidPipe) programmeId: string,
    @Body() dto: AddMasterTeacherDto,
  ): Promise<MasterTeacherView> {
    return this.masterTeachers.add(programmeId, dto);
  }

  @Delete(':personId')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiNoContentResponse({ description: 'No longer a master teacher of the programme' })
  remove(
    @Param('id', UuidPipe) programmeId: string,
    @Param('personId', UuidPipe) personId: string,
  ): Promise<void> {
    return this.masterTeachers.remove(programmeId, personId);
  }
}
