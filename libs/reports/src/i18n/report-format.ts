import { ReportLanguage } from '../report-requests/report-kinds';

/**
 * How a printed report (PDF) writes dates, instants, numbers and percents in each language, one
 * format throughout: `2026.11.29` in Mongolian, `29 Nov 2026` in English; percents with one
 * decimal. CSV and XLSX keep ISO dates and plain numbers, which other programs read.
 */
const LOCALE: Record<ReportLanguage, string> = { mn: 'mn', en: 'en-GB' };

const dates: Record<ReportLanguage, Intl.DateTimeFormat> = {
  mn: new Intl.DateTimeFormat('mn', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** `2026-11-29` → `2026.11.29` (mn) or `29 Nov 2026` (en); anything else as it is. */
export function formatDate(iso: string, language: ReportLanguage): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dates[language].format(date);
}

/** An instant as its UTC date and time: `2026.11.29 15:58 UTC`. */
export function formatInstant(instant: Date | string, language: ReportLanguage): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const iso = date.toISOString();
  return `${formatDate(iso.slice(0, 10), language)} ${iso.slice(11, 16)} UTC`;
}

/** A fraction as a percent with one decimal: 0.333 → `33.3%`. */
export function formatPercent(fraction: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(fraction);
}

/** A count or a measure: thousands grouped, at most two decimals. */
export function formatNumber(value: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 2 }).format(value);
}
