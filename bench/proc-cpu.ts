import { readFileSync } from 'fs';

/** Linux clock ticks are 10 ms (getconf CLK_TCK = 100). */
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) PostgreSQL backends have used so far, read from /proc/<pid>/stat:
 * on a busy machine it measures the work where wall time also measures the queue for the cores.
 * The server must run on this machine. A backend that ended meanwhile counts 0.
 */
export function backendCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone: its CPU is lost to both sides of a comparison alike.
    }
  }
  return ticks * TICK_MS;
}
