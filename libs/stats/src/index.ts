export * from './stats.module';
export * from './stats-jobs.module';
export * from './figures/stats.service';
export * from './figures/figures.view';
export * from './rollup/rollup.service';
