import { Logger } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';

/**
 * The longest an enqueue waits for Redis. The work it carries is already a committed row in
 * PostgreSQL, so a request answers at once and a safety net carries the job later.
 */
export const ENQUEUE_TIMEOUT_MS = 1_000;

/** Why a job was not enqueued: Redis is unreachable, slow, or the process is shutting down. */
export class EnqueueError extends Error {
  constructor(
    message: string,
    /** True when the connection was closed on purpose (a graceful shutdown): nothing to warn about. */
    readonly closed = false,
  ) {
    super(message);
  }
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EnqueueError(`${what}: no answer from redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The one way a job is added: at once when Redis is connected, refused at once when it is not
 * (the connection retries in the background for ever, and BullMQ would wait for it), and never
 * longer than ENQUEUE_TIMEOUT_MS.
 */
export async function enqueue<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  opts: JobsOptions,
  timeoutMs = ENQUEUE_TIMEOUT_MS,
): Promise<Job<T>> {
  const what = `${queue.name}.${name}`;
  if (queue.closing) throw new EnqueueError(`${what}: the queue is closed`, true);
  const client = await within(queue.client, timeoutMs, what);
  if (client.status === 'end' || client.status === 'close')
    throw new EnqueueError(`${what}: the queue is closed`, true);
  if (client.status !== 'ready') throw new EnqueueError(`${what}: redis is ${client.status}`);
  // An add that timed out may still be stored once Redis answers: every job is safe to run twice.
  return within(queue.add(name as never, data as never, opts), timeoutMs, what) as Promise<Job<T>>;
}

/**
 * For a job that follows a committed change: its id, or undefined when it could not be added
 * now (logged; the safety net of its queue carries the work from PostgreSQL later).
 */
export async function enqueueAfterCommit<T>(
  logger: Logger,
  queue: Queue<T>,
  name: string,
  data: T,
  opts: JobsOptions,
): Promise<string | undefined> {
  try {
    return (await enqueue(queue, name, data, opts)).id;
  } catch (error) {
    const message = `${queue.name}.${name} ${JSON.stringify(data)} not enqueued: ${(error as Error).message}`;
    if (error instanceof EnqueueError && error.closed) logger.debug(message);
    else logger.warn(message);
    return undefined;
  }
}
