import { Logger } from '@nestjs/common';
import { queryRows, SqlRunner } from '../database/sql';

export interface SweepResult {
  requested: string[];
}

/**
 * A periodic safety net: asks again (`request`) for every id the statement finds still due —
 * programmes whose figures, certifications or credentials are behind their records — in case
 * Redis lost the job that was asked for.
 */
export async function requestDue(
  db: SqlRunner,
  dueSql: string,
  request: (id: string) => Promise<unknown>,
  log?: { logger: Logger; what: string },
): Promise<SweepResult> {
  const due = await queryRows<{ id: string }>(db, dueSql);
  for (const { id } of due) await request(id);
  if (log && due.length > 0) log.logger.log(`sweep: ${log.what} requested for ${due.length} programme(s)`);
  return { requested: due.map(({ id }) => id) };
}
