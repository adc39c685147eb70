import { cappedBackoff, defaultJobOptions, MAX_BACKOFF_MS } from './queues';

describe('job retries', () => {
  it('wait 1 s, 2 s, 4 s, 8 s, then never longer than the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(cappedBackoff)).toEqual([
      1000, 2000, 4000, 8000, 15_000, 15_000, 15_000,
    ]);
    expect(cappedBackoff(100)).toBe(MAX_BACKOFF_MS);
  });

  it('outlast a PostgreSQL outage of five minutes', () => {
    let waited = 0;
    for (let attempt = 1; attempt < (defaultJobOptions.attempts ?? 1); attempt += 1)
      waited += cappedBackoff(attempt);
    expect(waited).toBeGreaterThan(5 * 60_000);
  });
});
