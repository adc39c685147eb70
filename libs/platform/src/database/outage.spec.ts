import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './outage';

function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it('takes a refused, reset or unresolvable connection for an outage', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'])
      expect(isDatabaseUnavailable(pgError(code))).toBe(true);
  });

  it('takes a server shutting down, starting up or out of connections for an outage', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300'])
      expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError(code)))).toBe(true);
  });

  it("takes node-postgres' broken connections and a pool that timed out for an outage", () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('looks inside the AggregateError of a host with several addresses', () => {
    const aggregate = Object.assign(new AggregateError([pgError('ECONNREFUSED')], ''), { code: undefined });
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
  });

  it('leaves constraint violations, bad input and our own bugs alone', () => {
    for (const code of ['23505', '23503', '22P02', '42703'])
      expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError(code)))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
