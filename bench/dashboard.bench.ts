/**
 * Dashboard benchmark (not a test): how long the coordinator's dashboard of a real-size programme
 * takes to become interactive in headless Chromium on this machine (issue 14: ≤ 2 s).
 *   npm run build && npm run generate -- --scale 1 --database $BENCH_DATABASE_URL --demo-users --rollup
 *   npm run bench:dashboard
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_dashboard, generated as
 * above), BENCH_RUNS (5), BENCH_PORT (3914), CHROMIUM_PATH (/usr/bin/chromium), BENCH_SW=block (no
 * service worker: what its precache of the whole app costs a first visit), BENCH_TIMELINE=1 (the last
 * run's requests and long frames, from the navigation's start).
 *
 * Runs the built API (dist/apps/api/main.js, serving dist/web) on that database and, per run, a
 * fresh browser context (cold cache) signed in as the demo coordinator: the time is from the
 * navigation to /dashboard until every panel shows its data — headline figures, the funnel, the
 * generation funnel, the region table, the round progress bars and the trainer table — and the
 * main thread is idle (a click on a sort header answers within the same measurement).
 */
import { ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import * as os from 'os';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../libs/platform/src/config/demo';
import { spawnBuiltApp, waitForHealthyApi } from './built-app';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_dashboard';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3914);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = `http://127.0.0.1:${PORT}`;
const log = (message: string) => process.stdout.write(`${message}\n`);

/** The panels a user reads; each selector appears once its data has arrived. */
const PANELS = [
  '[data-testid="figure-participants"]',
  '[data-testid="generation-funnel"] .recharts-bar-rectangle',
  '[data-testid="breakdown-region"] tbody tr',
  '[data-testid="round-progress"] [data-testid="round-attainment"]',
  '[data-testid="trainer-row"]',
];

async function programmeFigures(): Promise<{ id: string; participants: number }> {
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ id: string; participants: number }>(
      `SELECT p.id, count(DISTINCT e.person_id)::int AS participants
         FROM programmes p JOIN cohorts c ON c.programme_id = p.id JOIN enrolments e ON e.cohort_id = c.id
        GROUP BY p.id ORDER BY participants DESC LIMIT 1`,
    );
    if (!rows[0])
      throw new Error(`no programme in ${DATABASE_URL}: run the generator first (see the header)`);
    return rows[0];
  } finally {
    await pg.end();
  }
}

async function startApi(): Promise<ChildProcess> {
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build` first');
  const api = spawnBuiltApp('api', { DATABASE_URL, PORT, REDIS_PREFIX: 'cascade-bench-dashboard' });
  await waitForHealthyApi(api, BASE);
  return api;
}

async function main(): Promise<void> {
  const programme = await programmeFigures();
  log(
    `dashboard bench: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, programme of ${programme.participants} participants`,
  );
  const api = await startApi();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const login = await fetch(`${BASE}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@cascade.local', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`demo coordinator login: ${login.status} (generate with --demo-users)`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const times: { total: number; firstFigure: number; sorted: number; busy: number; cpu: number }[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'en',
        serviceWorkers: process.env.BENCH_SW === 'block' ? 'block' : 'allow',
      });
      await context.addInitScript({
        content: `localStorage.setItem('cascade.token', ${JSON.stringify(accessToken)}); localStorage.setItem('cascade.lang', 'en');`,
      });
      const page = await context.newPage();
      // The renderer's main-thread busy time: what the page costs, whatever else the cores are doing.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const started = Date.now();
      await page.goto(`${BASE}/dashboard?programme=${programme.id}`, { waitUntil: 'commit' });
      await page.locator(PANELS[0]).first().waitFor({ timeout: 60_000 });
      const firstFigure = Date.now() - started;
      for (const panel of PANELS) await page.locator(panel).first().waitFor({ timeout: 60_000 });
      // Idle main thread: a frame is drawn, then a click on a sort header re-orders the table.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
      const total = Date.now() - started;
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) =>
        Math.round(1000 * (metrics.find((m) => m.name === name)?.value ?? NaN));
      // TaskDuration is wall time inside tasks (it grows while other processes hold the cores); ThreadTime is CPU.
      if (process.env.BENCH_TIMELINE && run === RUNS) {
        // Where the wall time went: every request of the load, from the navigation's start (ms).
        const entries = (await page.evaluate(
          `performance.getEntries().filter((e) => e.entryType !== 'mark').map((e) => [e.entryType, e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.startTime + e.duration)])`,
        )) as [string, string, number, number][];
        for (const [type, name, start, end] of entries)
          log(`  ${String(start).padStart(5)}–${String(end).padEnd(5)} ${type} ${name}`);
      }
      const busy = metric('TaskDuration');
      const cpu = metric('ThreadTime');
      const before = await page.locator('[data-testid="trainer-row"]').first().textContent();
      const clicked = Date.now();
      await page.getByRole('button', { name: /^Trainer/ }).click();
      // A locator, not a string predicate: the app's CSP refuses the eval that waitForFunction(string) needs.
      await page
        .locator('[data-testid="trainer-row"]')
        .first()
        .filter({ hasNotText: before ?? '' })
        .waitFor({ timeout: 60_000 });
      const sorted = Date.now() - clicked;
      // The first run warms the API (connection pool, query plans); it is shown but not counted.
      log(
        `${run === 0 ? 'warm-up' : `run ${run}`}: first figure ${firstFigure} ms, every panel ${total} ms (renderer main thread: in tasks ${busy} ms, CPU ${cpu} ms), re-sort by name ${sorted} ms, load ${os.loadavg()[0].toFixed(1)}`,
      );
      if (run > 0) times.push({ total, firstFigure, sorted, busy, cpu });
      await context.close();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    log(
      `median of ${RUNS}: first figure ${median(times.map((t) => t.firstFigure))} ms, every panel (interactive) ${median(times.map((t) => t.total))} ms, worst ${Math.max(...times.map((t) => t.total))} ms, main thread in tasks ${median(times.map((t) => t.busy))} ms, CPU ${median(times.map((t) => t.cpu))} ms, re-sort ${median(times.map((t) => t.sorted))} ms`,
    );
  } finally {
    await browser.close();
    api.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
