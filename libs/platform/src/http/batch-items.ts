import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

/** `score: score must not be greater than 100`, as the validation pipe words it. */
export function fieldProblems(errors: ValidationError[]): string {
  return errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
}

/** One item of a batch as read on its own: its DTO, or the reason it is refused. */
export type BatchItem<T> =
  { item: T; reason?: undefined } | { item?: undefined; reason: string; clientRef: string | null };

/**
 * Validates one item of a batch body (`sessions[3]`) on its own, so one bad item is refused with
 * its reason while the others go on; a refused item keeps its clientRef when it has one.
 */
export function readBatchItem<T extends object>(
  type: ClassConstructor<T>,
  raw: unknown,
  path: string,
): BatchItem<T> {
  const ref = (raw as { clientRef?: unknown } | null)?.clientRef;
  const clientRef = typeof ref === 'string' ? ref : null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { reason: `${path}: must be an object`, clientRef };
  }
  const item = plainToInstance(type, raw);
  const errors = validateSync(item, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { reason: fieldProblems(errors), clientRef };
  return { item };
}
