import { Transform } from 'class-transformer';

/** `?flag=true|false` arrives as text; anything else stays as sent and fails @IsBoolean. */
export const BooleanParam = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `q` as a case-insensitive "contains" pattern for ILIKE; the caller's own % and _ match literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The fields a request actually sent (DTO instances carry absent ones as undefined): absent ones keep their value or default. */
export function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
