import {
  ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { isNulFreeBody } from '../http/json-body';
import { FieldProblem } from './error-body';
import { cacheValidationRules } from './validation-rules-cache';

/**
 * Constraints that say what kind of value a field takes. When one of them fails, the others
 * (ranges, lengths) say nothing useful: `score: "90"` is "must be a number", not also "must not
 * be greater than 100".
 */
const TYPE_CONSTRAINTS = new Set([
  'isDefined',
  'isNumber',
  'isDecimal',
  'isInt',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isDateString',
  'isISO8601',
  'isUuid',
  'isEnum',
  'isIn',
  'nestedValidation',
]);

function failing(constraints: Record<string, string>): string[] {
  const entries = Object.entries(constraints);
  const typeOnes = entries.filter(([name]) => TYPE_CONSTRAINTS.has(name));
  return (typeOnes.length > 0 ? typeOnes : entries).map(([, problem]) => problem);
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: failing(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Every string field that holds a NUL character (PostgreSQL text cannot store one), by dotted path. */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  const found: string[] = [];
  collectNul(value, path ? [path] : [], found);
  return found;
}

/**
 * Walks every body the API takes (a session batch is 500 items), so a clean one builds no path
 * strings: the path is a stack of keys, joined only for a field that holds a NUL.
 */
function collectNul(value: unknown, path: string[], found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.') || 'value');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key.includes('\u0000')) found.push([...path, JSON.stringify(key)].join('.'));
    path.push(key);
    collectNul((value as Record<string, unknown>)[key], path, found);
    path.pop();
  }
}

/** The 400 the validation pipe answers for these errors, for a pipe of a route's own. */
export const validationFailure = (errors: ValidationError[]): BadRequestException =>
  badRequest(flatten(errors));

export function badRequest(details: FieldProblem[]): BadRequestException {
  const message = details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ');
  return new BadRequestException({ message, details });
}

/**
 * Unknown fields are refused, types are converted, NUL characters are refused, and the 400
 * names every field that failed with only the constraints it failed:
 * `email: email must be an email`.
 */
@Injectable()
class CascadeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A body whose text held no NUL escape has none to find (jsonBodies checked it).
    if (metadata.type !== 'custom' && !(metadata.type === 'body' && isNulFreeBody(value))) {
      const withNul = fieldsWithNul(value, metadata.data ?? '');
      if (withNul.length > 0) {
        throw badRequest(withNul.map((field) => ({ field, problems: ['must not contain a NUL character'] })));
      }
    }
    return super.transform(value, metadata);
  }
}

export function cascadeValidationPipe(): ValidationPipe {
  cacheValidationRules();
  return new CascadeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationFailure,
  });
}
