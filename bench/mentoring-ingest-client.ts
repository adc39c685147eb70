/**
 * The batch ingest load generator, run in a worker thread so it does not share the API's event
 * loop: each client sends its batches one after another, the clients concurrently. Plain
 * JavaScript (no imports) because the worker is started with `eval` outside ts-node.
 */
export interface IngestClientInput {
  url: string;
  tokens: string[];
  /** Per client, its batches as JSON bodies. */
  bodies: string[][];
  expected: 'created' | 'duplicate';
}

export interface IngestClientOutput {
  seconds: number;
  stored: number;
  /** Milliseconds per batch, unsorted. */
  latencies: number[];
  error?: string;
}

export const INGEST_CLIENT_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { performance } = require('perf_hooks');
const { url, tokens, bodies, expected } = workerData;
const latencies = [];
let stored = 0;
const started = performance.now();
Promise.all(
  bodies.map(async (clientBodies, client) => {
    for (const body of clientBodies) {
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + tokens[client] },
        body,
      });
      const result = await res.json();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error('batch answered ' + res.status + ': ' + JSON.stringify(result));
      stored += result[expected];
    }
  }),
).then(
  () => parentPort.postMessage({ seconds: (performance.now() - started) / 1000, stored, latencies }),
  (error) => parentPort.postMessage({ seconds: 0, stored, latencies, error: String(error.stack || error) }),
);
`;
