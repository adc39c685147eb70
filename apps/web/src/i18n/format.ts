/**
 * Dates as each of the app's languages reads them, the same in every browser: Mongolian year
 * first, in numbers (2026.11.30 09:18); English as written in Britain (30 Nov 2026, 09:18).
 * `toLocaleString('mn')` is no answer: browsers without Mongolian locale data (Debian's Chromium
 * among them) fall back to US English, 11/30/2026, 9:18:16 AM.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}.${pad(d.getMonth() + 1)}.${pad(d.getDate())}`;

/** The instant in the reader's time zone; `seconds` where two values a few seconds apart must differ. */
export function formatDateTime(
  value: string | number | Date,
  language: string,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  const date = new Date(value);
  if (language === 'mn') {
    const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
    return `${day(date)} ${seconds ? `${time}:${pad(date.getSeconds())}` : time}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
  }).format(date);
}

export function formatDate(value: string | number | Date, language: string): string {
  const date = new Date(value);
  if (language === 'mn') return day(date);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(date);
}

/** A calendar day of the API (2024-03-01), read as that day wherever the reader is. */
export function formatDay(isoDay: string, language: string): string {
  return formatDate(`${isoDay}T00:00`, language);
}
