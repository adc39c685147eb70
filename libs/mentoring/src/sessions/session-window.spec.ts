import { occurredAtRefusal } from './session-window';

describe('when a session may have occurred', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  const open = { startsOn: '2025-03-01', endsOn: null };
  const ended = { startsOn: '2025-03-01', endsOn: '2025-05-31' };

  it('accepts a session within an open assignment and up to 5 minutes ahead of the server clock', () => {
    expect(occurredAtRefusal(new Date('2025-03-01T00:00:00Z'), open, now)).toBeNull();
    expect(occurredAtRefusal(new Date('2025-06-10T12:05:00Z'), open, now)).toBeNull();
  });

  it('refuses a session more than 5 minutes in the future, naming occurredAt', () => {
    expect(occurredAtRefusal(new Date('2025-06-10T12:05:01Z'), open, now)).toMatch(
      /^occurredAt: .* in the future/,
    );
  });

  it('refuses a session before the assignment starts', () => {
    expect(occurredAtRefusal(new Date('2025-02-28T23:59:59Z'), open, now)).toMatch(
      /^occurredAt: .*before the assignment starts on 2025-03-01/,
    );
  });

  it('accepts a session through the day after endsOn and refuses one later', () => {
    expect(occurredAtRefusal(new Date('2025-06-01T23:59:59Z'), ended, now)).toBeNull();
    expect(occurredAtRefusal(new Date('2025-06-02T00:00:00Z'), ended, now)).toMatch(
      /^occurredAt: .*ended on 2025-05-31/,
    );
  });
});
