const pad = (n: number) => String(n).padStart(2, '0');

/** The local wall-clock time as a datetime-local input shows it. */
export function localInputValue(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value with the device's offset: the instant the API needs, unambiguous offline. */
export function withOffset(local: string): string {
  const date = new Date(local);
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** An instant from the API back into a datetime-local value, in the device's time zone. */
export function toLocalInput(iso: string): string {
  return localInputValue(new Date(iso));
}
