import { readdir, rm } from 'fs/promises';
import { join } from 'path';

/**
 * A run's temp file is named after the request and the run that writes it, so a file whose run
 * no longer holds its request is known to be a dead run's leftover (a killed worker).
 */
export function runFile(dir: string, reportId: string, runId: string): string {
  return join(dir, `.${reportId}.${runId}.part`);
}

const RUN_FILE = /^\.([0-9a-f-]{36})\.([0-9a-f-]{36})\.part$/;

/** The run (`<reportId>.<runId>`) a temp file belongs to, or undefined for any other file. */
export function runOfFile(name: string): string | undefined {
  const match = RUN_FILE.exec(name);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/**
 * Removes the temp files of runs not in `liveRuns()`, optionally only those of one request.
 * The directory is listed before the live runs are read: a run is claimed before it creates its
 * file, so a file listed belongs to a run the read still sees, unless that run is over.
 */
export async function removeDeadRunFiles(
  dir: string,
  liveRuns: () => Promise<ReadonlySet<string>>,
  reportId?: string,
): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  if (!names.some((name) => runOfFile(name))) return 0;
  const live = await liveRuns();
  let removed = 0;
  for (const name of names) {
    const run = runOfFile(name);
    if (!run || live.has(run) || (reportId && !run.startsWith(`${reportId}.`))) continue;
    await rm(join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}
