/** How far ahead of the server's clock a device's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Window {
  startsOn: string;
  endsOn: string | null;
}

/** Midnight UTC opening the day after `endsOn + 1 day`: the first instant no longer allowed. */
export function endOfGrace(endsOn: string): Date {
  return new Date(Date.parse(`${endsOn}T00:00:00Z`) + 2 * DAY_MS);
}

/**
 * Why a session cannot have happened at `occurredAt` within the assignment; null when it can.
 * Dates compare in UTC: on or after startsOn, not in the future beyond the clock skew, and for
 * an ended assignment no later than the day after endsOn (a session late on the last day,
 * logged in a time zone ahead of UTC, still fits).
 */
export function occurredAtRefusal(
  occurredAt: Date,
  assignment: Window,
  now: Date = new Date(),
): string | null {
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return `occurredAt: ${occurredAt.toISOString()} is in the future (server time ${now.toISOString()})`;
  }
  if (occurredAt.getTime() < Date.parse(`${assignment.startsOn}T00:00:00Z`)) {
    return `occurredAt: ${occurredAt.toISOString()} is before the assignment starts on ${assignment.startsOn}`;
  }
  if (assignment.endsOn !== null && occurredAt.getTime() >= endOfGrace(assignment.endsOn).getTime()) {
    return `occurredAt: ${occurredAt.toISOString()} is more than a day after the assignment ended on ${assignment.endsOn}`;
  }
  return null;
}
