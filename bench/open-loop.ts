/**
 * Open-loop HTTP load generator, run as its own process (child_process.fork) so it never shares
 * the API's event loop. Requests leave at a constant arrival rate whatever the answers do; each
 * one's latency is measured from its intended send time, not from when it left, so a stalled
 * server is charged for every request it delayed (coordinated omission corrected, as wrk2 does).
 *
 * Input (process.send from the parent, or argv[2] as JSON): OpenLoopPlan. Output: OpenLoopResult
 * through process.send (or stdout when run alone).
 */
import * as http from 'http';
import { performance } from 'perf_hooks';

export interface OpenLoopPlan {
  base: string;
  token: string;
  /** Request paths, used round-robin. */
  paths: string[];
  /** JSON body; every `{n}` becomes the request's sequence number (a unique clientRef). */
  body: string;
  ratePerSecond: number;
  durationSeconds: number;
  /** Run-id prefix for `{n}`, so several runs against one database never repeat a clientRef. */
  run: string;
}

export interface OpenLoopResult {
  rate: number;
  sent: number;
  completed: number;
  statuses: Record<string, number>;
  errors: number;
  /** What the failed requests failed with, by error code. */
  errorCodes: Record<string, number>;
  /** Milliseconds from each request's intended send time to its last byte. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Completed answers per second over the run. */
  throughput: number;
  /** The most any request left after its intended time (the generator's own lag). */
  maxSendLagMs: number;
  /** p99 and max of the requests due in each WINDOW_SECONDS of the run: where in it the tail was. */
  windows: { from: number; p99: number; max: number }[];
}

/** Seconds per window of OpenLoopResult.windows. */
export const WINDOW_SECONDS = 5;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  const url = new URL(plan.base);
  // No socket cap that matters: an open-loop client opens what the arrival rate needs.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round(plan.ratePerSecond * plan.durationSeconds);
  const interval = 1000 / plan.ratePerSecond;
  const latencies: number[] = [];
  /** Each answered request's latency, by the window its intended send time falls in. */
  const byWindow: number[][] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  let maxSendLagMs = 0;
  let next = 0;
  let inFlight = 0;
  const start = performance.now();

  const send = (n: number, intended: number) => {
    inFlight++;
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - intended);
    const body = plan.body.replaceAll('{n}', `${plan.run}-${n}`);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: plan.paths[n % plan.paths.length],
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${plan.token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const latency = performance.now() - intended;
          latencies.push(latency);
          (byWindow[Math.floor((intended - start) / 1000 / WINDOW_SECONDS)] ??= []).push(latency);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          inFlight--;
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      errors++;
      errorCodes[error.code ?? error.message] = (errorCodes[error.code ?? error.message] ?? 0) + 1;
      inFlight--;
    });
    req.end(body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        send(next, start + next * interval);
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    rate: plan.ratePerSecond,
    sent: next,
    completed: latencies.length,
    statuses,
    errors,
    errorCodes,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    throughput: Math.round(latencies.length / seconds),
    maxSendLagMs: round(maxSendLagMs),
    windows: [...byWindow.entries()].map(([i, window = []]) => {
      window.sort((a, b) => a - b);
      return {
        from: i * WINDOW_SECONDS,
        p99: round(percentile(window, 99)),
        max: round(window[window.length - 1] ?? NaN),
      };
    }),
  };
}

if (require.main === module) {
  const reply = (result: OpenLoopResult) =>
    process.send ? process.send(result) : process.stdout.write(`${JSON.stringify(result)}\n`);
  const run = (plan: OpenLoopPlan) =>
    runOpenLoop(plan).then(reply, (error: Error) => {
      process.stderr.write(`open-loop failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    });
  if (process.argv[2]) void run(JSON.parse(process.argv[2]) as OpenLoopPlan);
  else process.once('message', (plan) => void run(plan as OpenLoopPlan));
}
