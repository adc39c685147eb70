import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, READERS, Roles, UuidPipe } from '@cascade/platform';
import { CoursePage, CourseQuery, CreateCourseDto, UpdateCourseDto } from './course.dto';
import { Course } from './course.entity';
import { CoursesService } from './courses.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: CoursePage })
  list(@Query() query: CourseQuery): Promise<CoursePage> {
    return this.courses.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: Course })
  get(@Param('id', UuidPipe) id: string): Promise<Course> {
    return this.courses.get(id);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiCreatedResponse({ type: Course })
  @ApiConflictResponse({ type: ErrorBody, description: 'A course with this code already exists' })
  create(@Body() dto: CreateCourseDto): Promise<Course> {
    return this.courses.create(dto);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOkResponse({ type: Course })
  @ApiConflictResponse({ type: ErrorBody, description: 'A course with this code already exists' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateCourseDto): Promise<Course> {
    return this.courses.update(id, dto);
  }
}
