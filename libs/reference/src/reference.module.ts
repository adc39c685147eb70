import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './courses/course.entity';
import { CoursesController } from './courses/courses.controller';
import { CoursesService } from './courses/courses.service';
import { Institution } from './institutions/institution.entity';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionsService } from './institutions/institutions.service';
import { PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';
import { Person } from './people/person.entity';
import { Region } from './regions/region.entity';
import { RegionsController } from './regions/regions.controller';
import { RegionsService } from './regions/regions.service';

/** Regions, institutions, courses and people: the reference data every programme uses. */
@Module({
  imports: [TypeOrmModule.forFeature([Region, Institution, Course, Person])],
  controllers: [RegionsController, InstitutionsController, CoursesController, PeopleController],
  providers: [RegionsService, InstitutionsService, CoursesService, PeopleService],
  exports: [TypeOrmModule, RegionsService, InstitutionsService, CoursesService, PeopleService],
})
export class ReferenceModule {}
