import i18n from '../../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Mongolian dates read year first with numbers (2026.11.29 21:56): browsers without Mongolian
 * locale data (Chromium's often has none) would otherwise show English month names.
 */
const mongolian = () => i18n.language === 'mn';
const day = (d: Date) => `${d.getFullYear()}.${pad(d.getMonth() + 1)}.${pad(d.getDate())}`;

export function formatDateTime(value: string | number | Date): string {
  const date = new Date(value);
  if (mongolian()) return `${day(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | number | Date): string {
  const date = new Date(value);
  if (mongolian()) return day(date);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(date);
}

/** A calendar day of the API (2024-03-01) in the reader's format, read as that day wherever the phone is. */
export function formatDay(isoDay: string): string {
  return formatDate(`${isoDay}T00:00`);
}

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
