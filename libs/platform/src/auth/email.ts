import { Transform } from 'class-transformer';

/**
 * The one form an e-mail address is stored, looked up, compared and throttled in: Unicode
 * NFKC, lower case (JavaScript's rules, applied here once, never PostgreSQL's lower()), no
 * surrounding blanks. `İnfo@X.mn` and `info@x.mn` are then different strings everywhere.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** DTO decorator: the address arrives normalised in the service (validation sees the stored form). */
export const NormalisedEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value));
