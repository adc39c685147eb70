export * from './imports.module';
export * from './imports-jobs.module';
export * from './imports/imports.service';
export * from './imports/import.entity';
export * from './roster/roster-importer.service';
export * from './jobs/imports-sweep.service';
export { IMPORT_RUNS } from './roster/import-claims.sql';
