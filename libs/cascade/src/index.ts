export * from './cascade.module';
export * from './cascade-jobs.module';
