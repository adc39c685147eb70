import { LocalAccountLocks } from './local-account-locks';

describe('LocalAccountLocks (the account lock while Redis is away)', () => {
  const WINDOW = 10_000;
  let now = 0;
  const locks = () => new LocalAccountLocks(WINDOW, 3, () => now);
  beforeEach(() => (now = 1_000_000));

  it('locks the account for one window at the limit-th failed password', () => {
    const l = locks();
    expect(l.failed('a@x')).toBe(0);
    expect(l.failed('a@x')).toBe(0);
    expect(l.failed('a@x')).toBe(WINDOW);
    expect(l.lockedFor('a@x')).toBe(WINDOW);
    expect(l.lockedFor('b@x')).toBe(0);
  });

  it('lifts the lock after its window, and the right password then clears the count', () => {
    const l = locks();
    for (let i = 0; i < 3; i++) l.failed('a@x');
    l.succeeded('a@x'); // refused during the lock: it does not lift it
    expect(l.lockedFor('a@x')).toBe(WINDOW);
    now += WINDOW;
    expect(l.lockedFor('a@x')).toBe(0);
    l.succeeded('a@x');
    expect(l.failed('a@x')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const l = locks();
    l.failed('a@x');
    l.failed('a@x');
    now += WINDOW;
    expect(l.failed('a@x')).toBe(0);
    expect(l.lockedFor('a@x')).toBe(0);
  });

  it('keeps at most 10,000 accounts, dropping the oldest', () => {
    const l = locks();
    for (let i = 0; i < 3; i++) l.failed('first@x');
    for (let i = 0; i < 10_000; i++) l.failed(`made-up-${i}@x`);
    expect(l.lockedFor('first@x')).toBe(0);
  });
});
