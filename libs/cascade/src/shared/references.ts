import { EntityManager } from 'typeorm';
import { DomainError, queryRows } from '@cascade/platform';

/** Tables whose ids a uuid[] column may hold (arrays cannot carry foreign keys). */
type Referenced = 'courses' | 'regions';

/** 400 naming the field when any of the ids is not a row of the table. */
export async function assertAllExist(
  manager: EntityManager,
  table: Referenced,
  ids: string[] | undefined,
  field: string,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const [{ missing }] = await queryRows<{ missing: string[] }>(
    manager,
    `SELECT coalesce(array_agg(id), '{}') AS missing
       FROM unnest($1::uuid[]) AS wanted(id)
      WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = wanted.id)`,
    [ids],
  );
  if ((missing as string[]).length > 0)
    throw DomainError.invalid(`${field}: no such ${table.slice(0, -1)} ${(missing as string[]).join(', ')}`);
}

/** 400 naming the field when the day is not inside the outer period. */
export function assertDayWithin(
  field: string,
  day: string | undefined,
  outer: { startsOn: string; endsOn: string },
  outerName: string,
): void {
  if (day !== undefined && (day < outer.startsOn || day > outer.endsOn)) {
    throw DomainError.invalid(
      `${field}: ${day} is outside ${outerName} (${outer.startsOn} to ${outer.endsOn})`,
    );
  }
}

/** 400 naming the field when [startsOn, endsOn] is not inside the outer period. */
export function assertWithin(
  period: { startsOn?: string; endsOn?: string },
  outer: { startsOn: string; endsOn: string },
  outerName: string,
): void {
  assertDayWithin('startsOn', period.startsOn, outer, outerName);
  assertDayWithin('endsOn', period.endsOn, outer, outerName);
}
