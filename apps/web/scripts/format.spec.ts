import { formatDate, formatDateTime, formatDay } from '../src/i18n/format';

// Local wall-clock instants, so the answers do not depend on the machine's time zone.
const at = new Date(2026, 10, 30, 9, 18, 16);

describe('dates in the web app', () => {
  it('writes Mongolian dates year first, in numbers, whatever locale data the browser has', () => {
    expect(formatDateTime(at, 'mn')).toBe('2026.11.30 09:18');
    expect(formatDateTime(at, 'mn', { seconds: true })).toBe('2026.11.30 09:18:16');
    expect(formatDate(at, 'mn')).toBe('2026.11.30');
    expect(formatDay('2024-03-01', 'mn')).toBe('2024.03.01');
  });

  it('writes English dates as in Britain, with the month in words', () => {
    expect(formatDateTime(at, 'en')).toBe('30 Nov 2026, 09:18');
    expect(formatDateTime(at, 'en', { seconds: true })).toBe('30 Nov 2026, 09:18:16');
    expect(formatDate(at, 'en')).toBe('30 Nov 2026');
    expect(formatDay('2024-03-01', 'en')).toBe('1 Mar 2024');
  });

  it('reads a day of the API as that calendar day, not the instant at UTC midnight', () => {
    expect(formatDay('2024-12-31', 'mn')).toBe('2024.12.31');
  });
});
