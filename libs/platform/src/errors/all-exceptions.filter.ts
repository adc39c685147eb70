import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'http';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { constraintRule } from './constraints';
import { DomainError, ErrorCode, statusOf } from './domain-error';
import { ErrorBody } from './error-body';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  message: string;
}

/** PostgreSQL error codes that mean the client sent something wrong, not that we broke. */
const pgClientErrors: Record<string, ErrorCode> = {
  '23505': ErrorCode.Conflict, // unique_violation
  '23P01': ErrorCode.Conflict, // exclusion_violation
  '23503': ErrorCode.Invalid, // foreign_key_violation
  '23514': ErrorCode.Invalid, // check_violation
  '23502': ErrorCode.Invalid, // not_null_violation
  '22P02': ErrorCode.Invalid, // invalid_text_representation
  '22007': ErrorCode.Invalid, // invalid_datetime_format
  '22008': ErrorCode.Invalid, // datetime_field_overflow
  '22003': ErrorCode.Invalid, // numeric_value_out_of_range
};

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

/** Maps every error to `{statusCode, error, message, details?}`, in one place. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return this.body(statusOf[exception.code], exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'string') return this.body(status, res);
      const { message, details } = res as { message?: string | string[]; details?: unknown };
      const text = Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
      return this.body(status, text, details);
    }
    if (isClientHttpError(exception)) {
      // body-parser's own errors (malformed JSON, a body over the limit) carry their status.
      return this.body(
        exception.status,
        exception.type === 'entity.too.large'
          ? 'body: the request body is too large'
          : `body: ${exception.message}`,
      );
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      const rule = constraintRule(pg.constraint);
      if (rule) return this.body(statusOf[rule.code], rule.message, { constraint: pg.constraint });
      const code = pg.code ? pgClientErrors[pg.code] : undefined;
      if (code) {
        const subject = pg.constraint ?? pg.column;
        const text = pg.detail ?? pg.message;
        return this.body(statusOf[code], subject ? `${subject}: ${text}` : text, {
          constraint: pg.constraint,
        });
      }
    }
    return this.body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private body(statusCode: number, message: string, details?: unknown): ErrorBody {
    const error = STATUS_CODES[statusCode] ?? 'Error';
    return details === undefined ? { statusCode, error, message } : { statusCode, error, message, details };
  }
}
