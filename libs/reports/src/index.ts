export * from './reports.module';
export * from './reports-jobs.module';
export * from './report-requests/report-kinds';
export * from './report-requests/reports.service';
export * from './generation/report-generator.service';
export * from './generation/reports-cleanup.service';
export * from './generation/reports.processor';
export * from './report-requests/report-queue.service';
