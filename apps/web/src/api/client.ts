import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from './session';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

/** The one typed client of the API: every request and response type comes from schema.d.ts. */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    const token = session.get()?.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked token: back to the login page, which returns the user here afterwards.
    if (response.status === 401 && !request.url.endsWith('/auth/login')) session.signOut();
    return response;
  },
});

/** A refusal from the API, with its message per field when it names one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly fields: Record<string, string>;

  constructor(body: Partial<ErrorBody> & { code?: string }, status: number) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code;
    this.fields = fieldsOf(body);
  }
}

function fieldsOf(body: { message?: string; details?: unknown }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (Array.isArray(body.details)) {
    for (const item of body.details as { field?: string; problems?: string[] }[]) {
      if (item.field && item.problems) fields[item.field] = item.problems.join(', ');
    }
  }
  for (const part of (body.message ?? '').split('; ')) {
    const match = /^([A-Za-z][\w.[\]]*): (.+)$/.exec(part);
    if (match && !fields[match[1]]) fields[match[1]] = match[2];
  }
  return fields;
}

/** Resolves to the response's data, or throws an ApiError carrying the API's message. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError((error ?? {}) as Partial<ErrorBody>, response.status);
  return data as T;
}

/** List pages; until every list names its item type in the document, the caller names it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
export function asPage<T>(page: { items: unknown; total: number; limit: number; offset: number }): Page<T> {
  return page as Page<T>;
}

/** A list request's query: limit/offset and filters (the document does not yet type limit/offset as numbers). */
export function paging(
  offset: number,
  limit: number,
  filters: Record<string, string | undefined> = {},
): never {
  return { offset, limit, ...filters } as never;
}
