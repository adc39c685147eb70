import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './courses/course.entity';
import { CoursesService } from './courses/courses.service';
import { Institution } from './institutions/institution.entity';
import { InstitutionsService } from './institutions/institutions.service';
import { PeopleService } from './people/people.service';
import { Person } from './people/person.entity';
import { Region } from './regions/region.entity';
import { RegionsService } from './regions/regions.service';

const services = [RegionsService, InstitutionsService, CoursesService, PeopleService];

/** Reference data's entities and services, for the HTTP side (ReferenceModule) and the worker's jobs. */
@Module({
  imports: [TypeOrmModule.forFeature([Region, Institution, Course, Person])],
  providers: services,
  exports: [TypeOrmModule, ...services],
})
export class ReferenceCoreModule {}
