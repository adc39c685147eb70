import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course } from './courses/course.entity';
import { Institution } from './institutions/institution.entity';
import { Person } from './people/person.entity';
import { Region } from './regions/region.entity';

/** Regions, institutions, courses and people: the reference data every programme uses. */
@Module({
  imports: [TypeOrmModule.forFeature([Region, Institution, Course, Person])],
  exports: [TypeOrmModule],
})
export class ReferenceModule {}
