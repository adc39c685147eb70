import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { containsPattern, ErrorCode, Page, registerConstraints } from '@cascade/platform';
import { ReferenceRecords } from '../shared/reference-records';
import { CourseQuery, CreateCourseDto, UpdateCourseDto } from './course.dto';
import { Course } from './course.entity';

registerConstraints({
  uq_courses_code: { code: ErrorCode.Conflict, message: 'code: a course with this code already exists' },
  ck_courses_workload: { code: ErrorCode.Invalid, message: 'workloadHours: must be positive' },
  ck_courses_ects: { code: ErrorCode.Invalid, message: 'ects: must be positive' },
  ck_courses_language: { code: ErrorCode.Invalid, message: 'language: must be mn or en' },
  ck_courses_delivery_modes: {
    code: ErrorCode.Invalid,
    message: 'deliveryModes: each must be online, face_to_face or hybrid',
  },
});

@Injectable()
export class CoursesService extends ReferenceRecords<Course, CreateCourseDto, UpdateCourseDto> {
  constructor(@InjectRepository(Course) courses: Repository<Course>) {
    super(courses, 'course', 'code', { ects: null });
  }

  list(query: CourseQuery): Promise<Page<Course>> {
    return this.page(query, (qb) => {
      if (query.language) qb.andWhere('r.language = :language', { language: query.language });
      if (query.q) {
        qb.andWhere('(r.code ILIKE :q OR r.title ILIKE :q OR r.titleMn ILIKE :q)', {
          q: containsPattern(query.q),
        });
      }
    });
  }
}
