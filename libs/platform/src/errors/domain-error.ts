/** What went wrong, in terms a client can act on; the filter maps each code to one HTTP status. */
export enum ErrorCode {
  Invalid = 'invalid',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Forbidden = 'forbidden',
}

export const statusOf: Record<ErrorCode, number> = {
  [ErrorCode.Invalid]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Forbidden]: 403,
};

/**
 * The one exception class of every domain. The message starts with the field or rule that
 * failed: `capacity: cohort 'Darkhan-2' is full (30/30)`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static invalid(message: string, details?: unknown): DomainError {
    return new DomainError(ErrorCode.Invalid, message, details);
  }

  static notFound(entity: string, id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${entity} ${id} was not found`);
  }

  static conflict(message: string, details?: unknown): DomainError {
    return new DomainError(ErrorCode.Conflict, message, details);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }
}
