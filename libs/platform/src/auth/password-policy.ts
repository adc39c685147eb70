import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors/domain-error';
import { normaliseEmail } from './email';

export const MIN_PASSWORD_LENGTH = 10;

/** The 49,000 most common passwords of leaked lists (zxcvbn's "passwords-common"), lower case. */
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Why the password may not be used for this account; null when it may. */
export function passwordRefusal(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const address = normaliseEmail(email);
  if (lower === address || lower === address.split('@')[0]) return 'password: must not be the e-mail address';
  if (COMMON.has(lower)) return 'password: is one of the most common passwords; choose another';
  return null;
}

/** Users' passwords and the first admin's: one rule. */
export function assertPasswordPolicy(password: string, email: string): void {
  const refusal = passwordRefusal(password, email);
  if (refusal) throw DomainError.invalid(refusal);
}
