/**
 * Runs one report request through the real ReportGenerator (claim, cursor, writer, rename, final
 * status) in a process of its own, so bench/reports.bench.ts can measure its time and peak memory.
 *   node -r ./bench/reports-swc-register.js -r tsconfig-paths/register bench/reports-export.ts <reportId>
 * Prints one JSON line: rows, milliseconds, RSS before the export and its sampled peak.
 */
import { ConfigService } from '@nestjs/config';
import { performance } from 'perf_hooks';
import { DataSource } from 'typeorm';
import { CascadeConfig, dataSourceOptions, DomainError, loadConfig } from '@cascade/platform';
import { StatsService } from '@cascade/stats';
import { ReportGenerator } from '../libs/reports/src/generation/report-generator.service';
import { AnalyticsSource } from '../libs/reports/src/content/analytics.source';
import { SummarySource } from '../libs/reports/src/content/summary.source';
import { ReportRequest } from '../libs/reports/src/report-requests/report-request.entity';

async function main(): Promise<void> {
  const reportId = process.argv[2];
  const config = loadConfig();
  const db = new DataSource({ ...dataSourceOptions(config.DATABASE_URL, 2), entities: [ReportRequest] });
  await db.initialize();
  const settings = { get: (key: keyof CascadeConfig) => config[key] } as unknown as ConfigService<
    CascadeConfig,
    true
  >;
  // The roster does not read the stats snapshot; the summary source is not needed here, and a PDF's
  // title page goes without headline figures.
  const noFigures = {
    figures: (id: string) => Promise.reject(DomainError.notFound('figures of programme', id)),
  } as unknown as StatsService;
  // Nor is the analytics source.
  const generator = new ReportGenerator(
    db,
    settings,
    undefined as unknown as SummarySource,
    noFigures,
    undefined as unknown as AnalyticsSource,
  );

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let samples = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    const previousPeak = peak;
    peak = Math.max(peak, usage.rss);
    // BENCH_TRACE=1: where the memory is (heap, external buffers), every 2 s on stderr.
    if (process.env.BENCH_TRACE && (++samples % 100 === 0 || usage.rss > previousPeak + 8 * 1048576)) {
      const mb = (n: number) => Math.round(n / 1048576);
      process.stderr.write(
        `${samples * 20} ms: rss ${mb(usage.rss)} heapUsed ${mb(usage.heapUsed)} heapTotal ${mb(usage.heapTotal)} external ${mb(usage.external)} arrayBuffers ${mb(usage.arrayBuffers)}\n`,
      );
    }
  }, 20);
  const started = performance.now();
  const outcome = await generator.generate(reportId, async () => undefined);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.destroy();
  if (outcome.status !== 'done') throw new Error(`report ${reportId}: ${outcome.reason}`);
  process.stdout.write(
    `${JSON.stringify({ rows: outcome.rowCount, ms: Math.round(ms), baselineRss: baseline, peakRss: peak })}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
