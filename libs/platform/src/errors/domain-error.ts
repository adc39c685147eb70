/**
 * The stable code every error body carries, so a client never parses message text. The member
 * names `Invalid`, `NotFound`, `Conflict` and `Forbidden` are the general codes; the others name
 * one rule each. Listed in the OpenAPI document as the `ErrorCode` schema.
 */
export enum ErrorCode {
  Invalid = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  CohortFull = 'COHORT_FULL',
  AlreadyEnrolled = 'ALREADY_ENROLLED',
  LeadTrainerNotEligible = 'LEAD_TRAINER_NOT_ELIGIBLE',
  DuplicateEmail = 'DUPLICATE_EMAIL',
  DuplicateCompletion = 'DUPLICATE_COMPLETION',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export const statusOf: Record<ErrorCode, number> = {
  [ErrorCode.Invalid]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.CohortFull]: 409,
  [ErrorCode.AlreadyEnrolled]: 409,
  [ErrorCode.LeadTrainerNotEligible]: 400,
  [ErrorCode.DuplicateEmail]: 409,
  [ErrorCode.DuplicateCompletion]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

/** The general code of a status, for errors that carry no code of their own (guards, parsers). */
export function codeOfStatus(status: number): ErrorCode {
  const general: Record<number, ErrorCode> = {
    400: ErrorCode.Invalid,
    401: ErrorCode.Unauthenticated,
    403: ErrorCode.Forbidden,
    404: ErrorCode.NotFound,
    409: ErrorCode.Conflict,
    413: ErrorCode.PayloadTooLarge,
    415: ErrorCode.UnsupportedMediaType,
    429: ErrorCode.RateLimited,
    503: ErrorCode.ServiceUnavailable,
  };
  return general[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.Invalid);
}

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
