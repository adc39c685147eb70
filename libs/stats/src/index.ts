export * from './stats-core.module';
export * from './stats.module';
export * from './stats-jobs.module';
export * from './figures/stats.service';
export * from './figures/figures.view';
export * from './rollup/rollup.service';
export * from './analytics/analytics.service';
export * from './analytics/analytics.view';
