import { contentDisposition } from './reports.controller';

describe('report downloads', () => {
  it('names a download in UTF-8 with an ASCII fallback (RFC 6266 / 5987)', () => {
    expect(contentDisposition('cohort-roster-дархан-2-2026-11-23.csv')).toBe(
      `attachment; filename="cohort-roster-______-2-2026-11-23.csv"; filename*=UTF-8''cohort-roster-%D0%B4%D0%B0%D1%80%D1%85%D0%B0%D0%BD-2-2026-11-23.csv`,
    );
  });
});
