import { ApiError } from '../api/client';

/** The API's message for a field (e.g. `name`, `credential.title`), when the last save was refused for it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

/** The API's message when it names no field of the form (shown above the form). */
export function formError(error: unknown, fields: string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return (error as Error).message;
  return fields.some((field) => error.fields[field]) ? undefined : error.message;
}

export const today = () => new Date().toISOString().slice(0, 10);
