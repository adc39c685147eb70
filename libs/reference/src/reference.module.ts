import { Module } from '@nestjs/common';
import { CoursesController } from './courses/courses.controller';
import { InstitutionsController } from './institutions/institutions.controller';
import { PeopleController } from './people/people.controller';
import { ReferenceCoreModule } from './reference-core.module';
import { RegionsController } from './regions/regions.controller';

/** Regions, institutions, courses and people: the reference data every programme uses. */
@Module({
  imports: [ReferenceCoreModule],
  controllers: [RegionsController, InstitutionsController, CoursesController, PeopleController],
  exports: [ReferenceCoreModule],
})
export class ReferenceModule {}
