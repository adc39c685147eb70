export * from './data-quality.module';
export * from './data-quality.service';
export * from './data-quality.checks';
