export * from './stats.module';
export * from './stats-jobs.module';
