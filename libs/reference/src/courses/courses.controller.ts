import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceController } from '../shared/reference-controller';
import { CoursePage, CourseQuery, CreateCourseDto, UpdateCourseDto } from './course.dto';
import { Course } from './course.entity';
import { CoursesService } from './courses.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController extends ReferenceController({
  entity: Course,
  page: CoursePage,
  query: CourseQuery,
  create: CreateCourseDto,
  update: UpdateCourseDto,
  writers: ['admin', 'coordinator'],
  summaries: {
    list: 'List courses',
    get: 'Get a course',
    create: 'Create a course',
    update: 'Change a course',
  },
  conflict: 'A course with this code already exists',
}) {
  constructor(courses: CoursesService) {
    super(courses);
  }
}
