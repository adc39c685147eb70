export * from './reports.module';
export * from './reports-jobs.module';
