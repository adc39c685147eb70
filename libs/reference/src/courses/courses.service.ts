import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  containsPattern,
  definedFields,
  DomainError,
  ErrorCode,
  Page,
  registerConstraints,
} from '@cascade/platform';
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
export class CoursesService {
  constructor(@InjectRepository(Course) private readonly courses: Repository<Course>) {}

  async list(query: CourseQuery): Promise<Page<Course>> {
    const qb = this.courses
      .createQueryBuilder('c')
      .orderBy('c.code')
      .addOrderBy('c.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.language) qb.andWhere('c.language = :language', { language: query.language });
    if (query.q) {
      qb.andWhere('(c.code ILIKE :q OR c.title ILIKE :q OR c.titleMn ILIKE :q)', {
        q: containsPattern(query.q),
      });
    }
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }

  async get(id: string): Promise<Course> {
    const course = await this.courses.findOneBy({ id });
    if (!course) throw DomainError.notFound('course', id);
    return course;
  }

  create(dto: CreateCourseDto): Promise<Course> {
    return this.courses.save(this.courses.create({ ects: null, ...definedFields(dto) }));
  }

  async update(id: string, dto: UpdateCourseDto): Promise<Course> {
    const changes = definedFields(dto);
    if (Object.keys(changes).length > 0) {
      // In a transaction: the request's audit event commits with the change (AuditSubscriber).
      const result = await this.courses.manager.transaction((tx) => tx.update(Course, { id }, changes));
      if (result.affected === 0) throw DomainError.notFound('course', id);
    }
    return this.get(id);
  }
}
