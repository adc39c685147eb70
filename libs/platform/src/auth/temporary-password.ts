import { randomBytes } from 'crypto';

/** A password an admin hands over once: 24 URL-safe characters, 144 random bits. */
export function temporaryPassword(): string {
  return randomBytes(18).toString('base64url');
}
