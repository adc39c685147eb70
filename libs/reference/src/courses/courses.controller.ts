import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, READERS, Roles, UuidParam } from '@cascade/platform';
import { CoursePage, CourseQuery, CreateCourseDto, UpdateCourseDto } from './course.dto';
import { Course } from './course.entity';
import { CoursesService } from './courses.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @ApiOperation({ summary: 'List courses' })
  @Roles(...READERS)
  @ApiOkResponse({ type: CoursePage })
  list(@Query() query: CourseQuery): Promise<CoursePage> {
    return this.courses.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a course' })
  @Roles(...READERS)
  @ApiOkResponse({ type: Course })
  get(@UuidParam('id') id: string): Promise<Course> {
    return this.courses.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a course' })
  @Roles('admin', 'coordinator')
  @ApiCreatedResponse({ type: Course })
  @ApiConflictResponse({ type: ErrorBody, description: 'A course with this code already exists' })
  create(@Body() dto: CreateCourseDto): Promise<Course> {
    return this.courses.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a course' })
  @Roles('admin', 'coordinator')
  @ApiOkResponse({ type: Course })
  @ApiConflictResponse({ type: ErrorBody, description: 'A course with this code already exists' })
  update(@UuidParam('id') id: string, @Body() dto: UpdateCourseDto): Promise<Course> {
    return this.courses.update(id, dto);
  }
}
