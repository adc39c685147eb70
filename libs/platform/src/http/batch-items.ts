import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, ValidatorOptions, validateSync } from 'class-validator';

/** `score: score must not be greater than 100`, as the validation pipe words it. */
export function fieldProblems(errors: ValidationError[]): string {
  return errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
}

/** One item of a batch as read on its own: its DTO, or the reason it is refused. */
export type BatchItem<T> =
  { item: T; reason?: undefined } | { item?: undefined; reason: string; clientRef: string | null };

/** The reason names the fields; errors need not carry the item and its values (less to build per item). */
const ITEM_VALIDATION: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};

const isObject = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates one item of a batch body (`sessions[3]`) on its own, so one bad item is refused with
 * its reason while the others go on; a refused item keeps its clientRef when it has one.
 */
export function readBatchItem<T extends object>(
  type: ClassConstructor<T>,
  raw: unknown,
  path: string,
): BatchItem<T> {
  return checkBatchItem(type, isObject(raw) ? plainToInstance(type, raw) : raw, path);
}

/**
 * readBatchItem for an item the validation pipe already turned into `type` with the rest of the
 * body (`@Type(() => ItemDto)` on the envelope's array, which the pipe does not validate): one
 * transform pass for the whole batch instead of two. Anything else in the array is refused.
 */
export function checkBatchItem<T extends object>(
  type: ClassConstructor<T>,
  value: unknown,
  path: string,
): BatchItem<T> {
  const ref = (value as { clientRef?: unknown } | null)?.clientRef;
  const clientRef = typeof ref === 'string' ? ref : null;
  if (!(value instanceof type)) return { reason: `${path}: must be an object`, clientRef };
  const errors = validateSync(value, ITEM_VALIDATION);
  if (errors.length > 0) return { reason: fieldProblems(errors), clientRef };
  return { item: value };
}
