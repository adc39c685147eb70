import { STATUS_CODES } from 'http';
import { DEFAULT_BODY_LIMIT } from '../json-body';
import { RouteInfo } from '../routes';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' };

/** Why an operation answers each error status, in the words a client developer needs. */
const REASONS: Record<number, string> = {
  400: 'VALIDATION_FAILED: a parameter or field is invalid (details name each field) or a rule refused the change',
  401: 'UNAUTHENTICATED: no Bearer token, or one that is invalid or expired',
  403: 'FORBIDDEN: the role may not call this operation, or the record is outside what the caller may touch',
  404: 'NOT_FOUND: no record with an id the path or the body names',
  409: 'CONFLICT (or a specific code such as COHORT_FULL, ALREADY_ENROLLED): the change contradicts a stored record',
  413: 'PAYLOAD_TOO_LARGE: the body is over the limit of this operation',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json',
  429: 'RATE_LIMITED: too many requests; wait for Retry-After seconds',
  500: 'INTERNAL_ERROR: the server failed; nothing internal is disclosed',
  503: 'SERVICE_UNAVAILABLE: PostgreSQL or Redis cannot be reached; try again later',
};

/** The error statuses an operation can answer, from what it takes and who may call it. */
export function errorStatuses(route: RouteInfo, operation: Operation): number[] {
  const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
  const hasPathId = operation.parameters?.some((p) => p.in === 'path') ?? false;
  const writes = route.method !== 'get';
  return [
    takesInput && 400,
    !route.isPublic && 401,
    !route.isPublic && 403,
    // A body names records too (POST /reports {programmeId}).
    (hasPathId || (operation.requestBody !== undefined && !route.isPublic)) && 404,
    writes && !route.isPublic && 409,
    operation.requestBody !== undefined && 413,
    operation.requestBody !== undefined && !route.consumes.includes('multipart/form-data') && 415,
    429,
    500,
    503,
  ].filter((status): status is number => status !== false);
}

/** Adds every error response the operation can give, each with the error body's schema. */
export function addErrorResponses(route: RouteInfo, operation: Operation): void {
  // Errors are JSON even where the operation answers a file (@ApiProduces sets every response's type).
  for (const [status, declared] of Object.entries(operation.responses)) {
    if (Number(status) >= 400) declared.content = { 'application/json': { schema: ERROR_BODY } };
  }
  for (const status of errorStatuses(route, operation)) {
    const declared = operation.responses[String(status)];
    let reason = REASONS[status] ?? STATUS_CODES[status] ?? 'Error';
    if (status === 413 && !route.consumes.includes('multipart/form-data')) {
      reason += ` (${route.bodyLimit ?? DEFAULT_BODY_LIMIT})`;
    }
    const description = declared?.description ? `${declared.description}. ${reason}` : reason;
    operation.responses[String(status)] = {
      ...declared,
      description,
      content: { 'application/json': { schema: ERROR_BODY } },
    };
  }
}
