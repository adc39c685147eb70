import { readdirSync, readFileSync } from 'fs';

/**
 * CPU time (ms) PostgreSQL backends have used so far, from /proc/<pid>/schedstat (its first field:
 * nanoseconds on a CPU; /proc/<pid>/stat counts 10 ms ticks, coarser than a small rollup's
 * statements): on a busy machine it measures the work where wall time also measures the queue
 * for the cores. The server must run on this machine. A backend that ended meanwhile counts 0.
 */
export function backendCpuMs(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // Gone: its CPU is lost to both sides of a comparison alike.
    }
  }
  return ns / 1e6;
}

/**
 * CPU time (ms) a process has used so far, all its threads (libuv's pool, V8's GC helpers):
 * utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ on Linux).
 */
export function processCpuMs(pid: number, { reapedChildren = false } = {}): number {
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const children = reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
  return (Number(fields[11]) + Number(fields[12]) + children) * 10;
}

/**
 * CPU time (ms) every PostgreSQL process of this machine has used so far: the backends, and the
 * WAL writer, checkpointer and others that any write also costs. A backend that has ended (psql's
 * for a COPY) counts through the postmaster, which reaped it.
 */
export function postgresCpuMs(): number {
  let ms = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        ms += processCpuMs(Number(entry), { reapedChildren: true });
    } catch {
      // Ended while we looked.
    }
  }
  return ms;
}
