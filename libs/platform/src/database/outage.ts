/** What a client is told to wait before trying again while PostgreSQL (or Redis) is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket errors of a server that is down, restarting or out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/**
 * PostgreSQL's own: class 08 (connection exception), 57P01–57P03 (shut down by an administrator,
 * crashed, cannot connect now: starting up or shutting down), 53300 (too many connections).
 */
const SERVER_CODES = /^(08|57P0[123]$|53300$)/;

/** Messages of node-postgres for a connection that broke or never came (they carry no code). */
const CLIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

interface MaybeDriverError {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/**
 * True when an error means PostgreSQL could not be reached, not that the request or the code
 * was wrong: the client may try again later (503), nothing is lost.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as MaybeDriverError;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
  if (typeof e.message === 'string' && CLIENT_MESSAGES.test(e.message)) return true;
  // TypeORM keeps pg's error as driverError; a host with several addresses fails with an AggregateError.
  if (e.driverError && isDatabaseUnavailable(e.driverError, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
