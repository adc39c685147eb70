import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'http';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/outage';
import { constraintRule } from './constraints';
import { codeOfStatus, DomainError, ErrorCode, statusOf } from './domain-error';
import { ErrorBody, FieldProblem } from './error-body';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  message: string;
}

/**
 * PostgreSQL error codes that mean the client sent something wrong, not that we broke, with
 * what the client is told: PostgreSQL's own text ("bigint out of range", table and type names)
 * never leaves the server.
 */
const pgClientErrors: Record<string, { code: ErrorCode; text: string }> = {
  '23505': { code: ErrorCode.Conflict, text: 'a record with the same value already exists' }, // unique_violation
  '23P01': { code: ErrorCode.Conflict, text: 'overlaps an existing record' }, // exclusion_violation
  '23503': { code: ErrorCode.Invalid, text: 'refers to a missing record, or is still referred to' }, // foreign_key_violation
  '23514': { code: ErrorCode.Invalid, text: 'breaks a rule of the record' }, // check_violation
  '23502': { code: ErrorCode.Invalid, text: 'is required' }, // not_null_violation
  '22P02': { code: ErrorCode.Invalid, text: 'is not a valid value of its type' }, // invalid_text_representation
  '22007': { code: ErrorCode.Invalid, text: 'is not a valid date or time' }, // invalid_datetime_format
  '22008': { code: ErrorCode.Invalid, text: 'is not a valid date or time' }, // datetime_field_overflow
  '22003': { code: ErrorCode.Invalid, text: 'is out of range' }, // numeric_value_out_of_range
  '22021': { code: ErrorCode.Invalid, text: 'must not contain a NUL character' }, // character_not_in_repertoire
  '54001': { code: ErrorCode.Invalid, text: 'is too complex' }, // statement_too_complex
};

/** A column as the API names it (`institution_id` → `institutionId`). */
function fieldOf(column: string): string {
  return column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

interface ClientHttpError {
  status: number;
  type?: string;
  message: string;
  expose: true;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const e = error as Partial<ClientHttpError> | null;
  return !!e && e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500;
}

/** Maps every error to `{statusCode, code, error, message, details?}`, in one place. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.code === ErrorCode.ServiceUnavailable) {
      // A dependency is down (PostgreSQL, Redis): the client may come back, nothing is broken.
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(`${body.message} (${(exception as Error)?.message ?? String(exception)})`);
    } else if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return this.body(exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'string') return this.body(codeOfStatus(status), res, undefined, status);
      const { message, details, code } = res as {
        message?: string | string[];
        details?: unknown;
        code?: ErrorCode;
      };
      const text = Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
      return this.body(code ?? codeOfStatus(status), text, details, status);
    }
    if (isClientHttpError(exception)) {
      // body-parser's own errors (malformed JSON, a body over the limit) carry their status.
      const text =
        exception.type === 'entity.too.large'
          ? 'body: the request body is too large'
          : `body: ${exception.message}`;
      return this.body(codeOfStatus(exception.status), text, undefined, exception.status);
    }
    if (isDatabaseUnavailable(exception)) {
      return this.body(
        ErrorCode.ServiceUnavailable,
        'database: PostgreSQL is unreachable; try again shortly',
      );
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      const rule = constraintRule(pg.constraint);
      if (rule) return this.body(rule.code, rule.message);
      const known = pg.code ? pgClientErrors[pg.code] : undefined;
      if (known) {
        const subject = pg.column ? fieldOf(pg.column) : 'value';
        return this.body(known.code, `${subject}: ${known.text}`);
      }
    }
    return this.body(ErrorCode.Internal, 'Internal server error');
  }

  /** `details` is always the list of failing fields; anything else stays out of the body. */
  private body(code: ErrorCode, message: string, details?: unknown, status = statusOf[code]): ErrorBody {
    const error = STATUS_CODES[status] ?? 'Error';
    const body: ErrorBody = { statusCode: status, code, error, message };
    if (Array.isArray(details)) body.details = details as FieldProblem[];
    return body;
  }
}
