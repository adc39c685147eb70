/**
 * What checking a token against its user's current standing costs per request (not a test).
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/token-check.bench.ts
 * Env: BENCH_DATABASE_URL (a migrated database, default the tests' cascade_test), BENCH_REDIS_URL,
 * BENCH_ROUNDS (5000). Times, one call at a time: the cached standing (one Redis GET), the same
 * read from PostgreSQL (a cache miss), and a whole authenticated request (GET /api/v1/regions/:id).
 */
import { performance } from 'perf_hooks';
import request from 'supertest';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import * as argon2 from 'argon2';

process.env.DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_test';
process.env.REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.REDIS_PREFIX = 'cascade-bench-token';
process.env.LOG_LEVEL = 'silent';
process.env.API_RATE_LIMIT_PER_SECOND = '100000';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5000);

async function timed(label: string, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await call();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(0);
  console.log(`${label.padEnd(46)} p50 ${at(0.5).padStart(6)} µs   p99 ${at(0.99).padStart(6)} µs`);
}

async function main(): Promise<void> {
  const { ApiModule } = await import('../apps/api/src/api.module');
  const { configureApp } = await import('../apps/api/src/configure-app');
  const { UserStandings } = await import('../libs/platform/src/auth/user-standings');
  const app = configureApp(await NestFactory.create(ApiModule, { logger: false }));
  await app.init();
  const db = app.get(DataSource);
  const email = `bench-${Date.now()}@bench.local`;
  const [{ id }] = await db.query(
    `INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'viewer') RETURNING id`,
    [email, await argon2.hash('a long passphrase')],
  );
  const http = request(app.getHttpServer());
  const token = (await http.post('/api/v1/auth/login').send({ email, password: 'a long passphrase' })).body
    .accessToken as string;
  const [{ id: regionId }] = await db.query(`SELECT id FROM regions LIMIT 1`);
  const standings = app.get(UserStandings);
  try {
    await timed('standing from the cache (Redis GET)', () => standings.current(id));
    await timed('standing from PostgreSQL (a cache miss)', () =>
      db.query(`SELECT id, email, role, person_id, active, token_version FROM users WHERE id = $1`, [id]),
    );
    await timed('GET /api/v1/regions/:id with the token', () =>
      http.get(`/api/v1/regions/${regionId}`).auth(token, { type: 'bearer' }),
    );
  } finally {
    await db.query(`DELETE FROM users WHERE id = $1`, [id]);
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
