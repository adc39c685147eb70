export * from './courses/course.entity';
export * from './institutions/institution.entity';
export * from './people/person.entity';
export * from './regions/region.entity';
export * from './reference.module';
