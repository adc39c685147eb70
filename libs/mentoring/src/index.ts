export * from './mentoring.module';
