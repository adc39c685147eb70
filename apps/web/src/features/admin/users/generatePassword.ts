const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password an admin hands over once: 20 characters without look-alikes (≈ 115 random bits). */
export function generatePassword(length = 20): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 56).
  const limit = 256 - (256 % ALPHABET.length);
  const chars = [...bytes].filter((b) => b < limit).map((b) => ALPHABET[b % ALPHABET.length]);
  return chars.length >= length ? chars.slice(0, length).join('') : generatePassword(length);
}
