/**
 * Field sync benchmark (not a test): the bytes a master teacher's phone sends and receives in one
 * sync (issue 15: ≤ 200 KB with 50 mentees and 200 sessions).
 *   npm run build:web && npm run bench:field-sync
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/cascade_bench_field — dropped and
 * rebuilt), BENCH_REDIS_URL, BENCH_SESSIONS (200), BENCH_MENTEES (50), CHROMIUM_PATH (/usr/bin/chromium).
 *
 * The world: one master teacher with 50 mentees, who also lead the cohort those 50 are enrolled
 * in (3 courses, 2 completed by each). The API runs in this process and serves dist/web. In
 * headless Chromium at 360 px the teacher signs in, the service worker installs and both lists
 * are kept on the phone (not measured). Then twice: offline, 200 sessions go into the outbox as
 * the log form saves them; measured from the network coming back until the outbox holds them
 * stored and the mentees and cohorts (roster, completions, courses) were read again (see
 * measureSync). The first sync runs with the browser's HTTP cache off (every read downloaded in
 * full), the second with it on (unchanged reads revalidated: 304 Not Modified).
 */
import { mkdtempSync, rmSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { chromium, Page, Request as PlaywrightRequest } from 'playwright-core';
import {
  BENCH_PASSWORD,
  BENCH_REDIS_URL,
  clearRedisPrefix,
  createUser,
  listenApi,
  recreateDatabase,
  seedWorld,
  benchApiEnv,
} from './mentoring-fixtures';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_field';
const REDIS_PREFIX = 'cascade-bench-field';
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const MENTEES = Number(process.env.BENCH_MENTEES ?? 50);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EMAIL = 'field-bench@bench.local';
const TARGET_BYTES = 200 * 1024;
const NOTES =
  'Хичээлийн төлөвлөгөөг хиймэл оюун ухаанаар хамтдаа боловсруулж, үнэлгээний даалгаврыг хэлэлцэв.';
const MODES = ['face_to_face', 'online', 'phone'];

const log = (message: string) => process.stdout.write(`${message}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Transfer {
  what: string;
  sent: number;
  received: number;
  /** The response body as the page reads it (decompressed). */
  decoded: number;
}

async function seed(): Promise<{ userId: string; assignmentIds: string[] }> {
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(BENCH_REDIS_URL, REDIS_PREFIX);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const world = await seedWorld(pg, 1, MENTEES);
    const [mentor] = world.mentors;
    await createUser(pg, EMAIL, 'master_teacher', mentor.personId);
    const [{ id: userId }] = (await pg.query(`SELECT id FROM users WHERE email = $1`, [EMAIL])).rows;
    // Two of the cohort's three courses completed by everyone: the grid has something in most cells.
    await pg.query(
      `INSERT INTO course_completions (enrolment_id, course_id, completed_on, score)
       SELECT e.id, course_id, '2024-05-01', 70 + (row_number() OVER ()) % 30
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id, unnest(c.course_ids[1:2]) AS course_id`,
    );
    return { userId, assignmentIds: mentor.assignmentIds };
  } finally {
    await pg.end();
  }
}

async function startApi(): Promise<{ base: string; close: () => Promise<void> }> {
  benchApiEnv(DATABASE_URL, REDIS_PREFIX);
  return listenApi();
}

/** The outbox as the log form leaves it after `SESSIONS` sessions saved offline (offline/db.ts). */
function outboxItems(userId: string, assignmentIds: string[]) {
  const now = Date.now();
  return Array.from({ length: SESSIONS }, (_, k) => ({
    clientRef: `s-${crypto.randomUUID()}`,
    kind: 'session',
    userId,
    label: `Mentee ${k % assignmentIds.length}`,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now + k,
    payload: {
      assignmentId: assignmentIds[k % assignmentIds.length],
      occurredAt: new Date(Date.parse('2025-03-01T09:00:00+08:00') + k * 3_600_000).toISOString(),
      durationMinutes: 30 + (k % 4) * 15,
      mode: MODES[k % MODES.length],
      topics: ['lesson planning', 'assessment'],
      notes: NOTES,
    },
  }));
}

/** The page's globals these scripts touch: the project's types have no DOM. */
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbTransaction {
  objectStore(name: string): { put(row: unknown): void; getAll(): IdbRequest<{ state: string }[]> };
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  error: unknown;
}
type PageGlobals = {
  indexedDB: {
    open(name: string): IdbRequest<{ transaction(store: string, mode?: string): IdbTransaction }>;
  };
  navigator: { serviceWorker: { controller: object | null } };
};

/** Writes the items into the app's IndexedDB outbox from inside the page. */
async function fillOutbox(page: Page, items: unknown[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = (globalThis as unknown as PageGlobals).indexedDB.open('cascade-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          for (const row of rows) tx.objectStore('outbox').put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    items,
  );
}

const storedCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = (globalThis as unknown as PageGlobals).indexedDB.open('cascade-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result.filter((i) => i.state === 'stored').length);
        };
      }),
  );

async function waitUntil(what: string, check: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A request's name in the table: the path with ids replaced. */
const what = (method: string, url: string) =>
  `${method} ${new URL(url).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`;

/**
 * One sync: the network comes back, the outbox sends on its own until `stored` sessions are
 * stored, then both lists are read again. Sent: Playwright's count of each request's headers and
 * body. Received: Chromium's count of the bytes that came over the network for it (CDP
 * Network.loadingFinished encodedDataLength: headers and the compressed body). What the service
 * worker answered from its cache (the app shell) is counted apart.
 */
async function measureSync(page: Page, stored: number, httpCache: boolean): Promise<SyncBytes> {
  const transfers: Promise<Transfer | undefined>[] = [];
  const onFinished = (request: PlaywrightRequest) =>
    transfers.push(
      (async () => {
        const response = await request.response();
        if (!response || response.fromServiceWorker()) return undefined;
        const sizes = await request.sizes();
        return {
          what: what(request.method(), request.url()),
          sent: sizes.requestHeadersSize + sizes.requestBodySize,
          received: 0,
          decoded: (await response.body().catch(() => Buffer.alloc(0))).length,
        };
      })(),
    );
  page.on('requestfinished', onFinished);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !httpCache });
  const names = new Map<string, string>();
  const fromWorker = new Set<string>();
  const received = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => names.set(e.requestId, what(e.request.method, e.request.url)));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromServiceWorker) fromWorker.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const name = names.get(e.requestId);
    if (name && !fromWorker.has(e.requestId))
      received.set(name, (received.get(name) ?? 0) + e.encodedDataLength);
  });

  await page.context().setOffline(false);
  await waitUntil(`${stored} stored sessions`, async () => (await storedCount(page)) === stored);
  for (const path of ['/field/cohorts', '/field/mentees']) {
    await page.goto(path);
    // "As of <time>" fetched now, not the copy kept offline.
    await page.getByTestId('as-of').filter({ hasNotText: 'Сүлжээгүй' }).waitFor();
  }
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onFinished);
  await cdp.detach();

  const byWhat = new Map<string, Transfer & { count: number }>();
  for (const row of (await Promise.all(transfers)).filter((r) => r !== undefined)) {
    const sum = byWhat.get(row.what) ?? { ...row, sent: 0, decoded: 0, count: 0 };
    byWhat.set(row.what, {
      ...sum,
      sent: sum.sent + row.sent,
      received: received.get(row.what) ?? 0,
      decoded: sum.decoded + row.decoded,
      count: sum.count + 1,
    });
  }
  return { rows: [...byWhat.values()], fromWorker: fromWorker.size };
}

interface SyncBytes {
  rows: (Transfer & { count: number })[];
  fromWorker: number;
}

function report({ rows, fromWorker }: SyncBytes): void {
  log('| request | count | sent | received (wire) | response bodies decoded |');
  log('|---|---|---|---|---|');
  for (const row of [...rows].sort((a, b) => b.sent + b.received - a.sent - a.received))
    log(`| ${row.what} | ${row.count} | ${kb(row.sent)} | ${kb(row.received)} | ${kb(row.decoded)} |`);
  const total = (key: 'sent' | 'received' | 'decoded' | 'count') => rows.reduce((sum, r) => sum + r[key], 0);
  const bytes = total('sent') + total('received');
  log(
    `total: ${total('count')} requests over the network (${fromWorker} more answered by the service worker), ` +
      `sent ${kb(total('sent'))}, received ${kb(total('received'))} (response bodies ${kb(total('decoded'))} ` +
      `decompressed): ${kb(bytes)} on the wire, target ≤ ${kb(TARGET_BYTES)}: ${bytes <= TARGET_BYTES ? 'met' : 'NOT met'}`,
  );
}

async function main(): Promise<void> {
  if (!existsSync('dist/web/index.html'))
    throw new Error('dist/web is missing: run `npm run build:web` first');
  log(
    `database ${DATABASE_URL} (recreated): 1 master teacher, ${MENTEES} mentees, ${SESSIONS} sessions to send`,
  );
  const { userId, assignmentIds } = await seed();
  const api = await startApi();
  const profile = mkdtempSync(join(tmpdir(), 'cascade-field-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    baseURL: api.base,
    locale: 'mn',
    viewport: { width: 360, height: 760 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Installing: sign in, the service worker takes control, both lists kept on the phone.
    await page.goto('/login');
    await page.locator('input[type="email"]').fill(EMAIL);
    await page.locator('input[type="password"]').fill(BENCH_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/field\/mentees$/);
    await page.getByTestId('as-of').waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null,
    );
    await page.goto('/field/cohorts');
    await page.getByTestId('as-of').waitFor();

    for (const [round, httpCache] of [
      [1, false],
      [2, true],
    ] as const) {
      log(
        httpCache
          ? `\nSync ${round}: the browser's HTTP cache on (unchanged reads answer 304 Not Modified)`
          : `\nSync ${round}: the browser's HTTP cache off (every read downloaded in full)`,
      );
      await context.setOffline(true);
      await fillOutbox(page, outboxItems(userId, assignmentIds));
      await page.goto('/field/mentees');
      await page.getByTestId('as-of').waitFor();
      report(await measureSync(page, round * SESSIONS, httpCache));
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await api.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
