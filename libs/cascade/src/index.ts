export * from './cascade.module';
export * from './cascade-jobs.module';
export * from './trainers/trainers.service';
