import { EntityManager } from 'typeorm';
import { execute } from '@cascade/platform';
import { INSERT_ERRORS_SQL } from './import-claims.sql';
import { RowError } from './roster-row';

/**
 * Writes a batch's row errors to import_errors in the batch's transaction (an import's report
 * never waits in memory for the end of the file); answers how many rows they name.
 */
export async function writeRowErrors(
  tx: EntityManager,
  importId: string,
  errors: RowError[],
): Promise<number> {
  if (errors.length > 0) {
    await execute(tx, INSERT_ERRORS_SQL, [
      importId,
      errors.map((e) => e.row),
      errors.map((e) => e.field),
      errors.map((e) => e.message),
    ]);
  }
  return new Set(errors.map((error) => error.row)).size;
}
