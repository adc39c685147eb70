import type { ChangeEvent } from 'react';
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

/**
 * Binds text inputs to a form's state: with `const text = textFields(form, setForm, save.error)`,
 * `<TextInput label={…} {...text('name')} />` gets the field's value, its change and the API's
 * message for it.
 */
export function textFields<F extends object>(form: F, setForm: (next: F) => void, error: unknown) {
  return (field: keyof F & string) => ({
    value: String(form[field] ?? ''),
    error: fieldError(error, field),
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [field]: event.currentTarget.value }),
  });
}

export const today = () => new Date().toISOString().slice(0, 10);
