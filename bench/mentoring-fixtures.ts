/**
 * The mentoring benchmark's world: its own database (dropped and rebuilt each run), its own
 * Redis prefix, and a programme with mentors, mentees and assignments written in bulk SQL.
 */
import * as argon2 from 'argon2';
import Redis from 'ioredis';
import { Client } from 'pg';
import { migrateDatabase } from '../libs/platform/src/database/create-database';

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_bench_mentoring';
export const BENCH_REDIS_URL =
  process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const BENCH_REDIS_PREFIX = 'cascade-bench-mentoring';
export const BENCH_PASSWORD = 'bench-password-123';

/** Drops and recreates the benchmark database, then runs every migration, as the tests' global setup does. */
export async function recreateDatabase(url: string = BENCH_DATABASE_URL): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1).replace(/"/g, '');
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(url);
}

export async function clearRedisPrefix(
  url: string = BENCH_REDIS_URL,
  prefix: string = BENCH_REDIS_PREFIX,
): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface BenchWorld {
  programmeId: string;
  /** Mentors in email order, each with their assignments. */
  mentors: { personId: string; assignmentIds: string[] }[];
}

/** One programme; `mentors` master teachers each leading a cohort of `menteesPerMentor`, each mentee assigned to their cohort's lead. */
export async function seedWorld(pg: Client, mentors: number, menteesPerMentor: number): Promise<BenchWorld> {
  await pg.query('BEGIN');
  const [{ id: institutionId }] = (
    await pg.query(`INSERT INTO institutions (name, name_mn, region_id, kind)
                    SELECT 'Bench Institute', 'Бенч сургууль', id, 'university' FROM regions WHERE code = 'MN-1' RETURNING id`)
  ).rows;
  const courseIds: string[] = (
    await pg.query(`INSERT INTO courses (code, title, title_mn, workload_hours, language)
                    SELECT 'BENCH-' || g, 'AI course ' || g, 'Хиймэл оюун ' || g, 30, 'mn' FROM generate_series(1, 3) g RETURNING id`)
  ).rows.map((r) => r.id);
  const [{ id: programmeId }] = (
    await pg.query(
      `INSERT INTO programmes (name, starts_on, ends_on, core_course_ids, pass_mark, credential, status)
       VALUES ('Bench programme', '2024-01-01', '2026-12-31', $1, 60, '{"title":"AI in Education"}', 'active') RETURNING id`,
      [courseIds],
    )
  ).rows;
  const people = (prefix: string, count: number) =>
    pg.query(
      `INSERT INTO people (full_name, email, institution_id, discipline, preferred_language)
       SELECT initcap($1) || ' ' || g, $1 || '-' || lpad(g::text, 6, '0') || '@bench.mn', $2, 'Mathematics', 'mn'
         FROM generate_series(1, $3) g`,
      [prefix, institutionId, count],
    );
  await people('mentor', mentors);
  await people('mentee', mentors * menteesPerMentor);
  await pg.query(
    `INSERT INTO master_teachers (programme_id, person_id, trained_on) SELECT $1, id, '2024-01-15' FROM people WHERE email LIKE 'mentor-%'`,
    [programmeId],
  );
  const [{ id: roundId }] = (
    await pg.query(
      `INSERT INTO cascade_rounds (programme_id, number, name, starts_on, ends_on) VALUES ($1, 1, 'Round 1', '2024-02-01', '2026-06-30') RETURNING id`,
      [programmeId],
    )
  ).rows;
  await pg.query(
    `INSERT INTO cohorts (programme_id, round_id, name, region_id, lead_trainer_id, course_ids, delivery_mode, capacity, starts_on, ends_on)
     SELECT $1, $2, 'Cohort of ' || p.full_name, i.region_id, p.id, $3, 'hybrid', 1000, '2024-03-01', '2024-06-30'
       FROM people p JOIN institutions i ON i.id = p.institution_id WHERE p.email LIKE 'mentor-%'`,
    [programmeId, roundId, courseIds],
  );
  await pg.query(
    `WITH mentors AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM people WHERE email LIKE 'mentor-%'),
          mentees AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM people WHERE email LIKE 'mentee-%')
     INSERT INTO enrolments (cohort_id, person_id, enrolled_on)
     SELECT c.id, me.id, '2024-03-01'
       FROM mentees me JOIN mentors mt ON mt.n = me.n % $2 JOIN cohorts c ON c.lead_trainer_id = mt.id AND c.programme_id = $1`,
    [programmeId, mentors],
  );
  await pg.query(
    `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on, goals)
     SELECT $1, c.lead_trainer_id, e.person_id, '2025-01-01', 'Use AI in lesson planning'
       FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1`,
    [programmeId],
  );
  await pg.query('COMMIT');
  const { rows } = await pg.query(
    `SELECT a.mentor_id AS "personId", array_agg(a.id ORDER BY a.id) AS "assignmentIds"
       FROM mentoring_assignments a JOIN people p ON p.id = a.mentor_id
      GROUP BY a.mentor_id, p.email ORDER BY p.email`,
  );
  return { programmeId, mentors: rows };
}

/** A user who can log in with BENCH_PASSWORD. */
export async function createUser(
  pg: Client,
  email: string,
  role: string,
  personId: string | null = null,
): Promise<void> {
  await pg.query(`INSERT INTO users (email, password_hash, role, person_id) VALUES ($1, $2, $3, $4)`, [
    email,
    await argon2.hash(BENCH_PASSWORD),
    role,
    personId,
  ]);
}

/**
 * The environment of an API a benchmark runs in its own process: its database and Redis prefix,
 * no logging; `unthrottled` lifts the per-user rate limit for a load generator that is one user
 * on purpose (the limit protects a shared API).
 */
export function benchApiEnv(databaseUrl: string, redisPrefix: string, { unthrottled = false } = {}): void {
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'silent',
    ...(unthrottled ? { API_RATE_LIMIT_PER_SECOND: '1000000' } : {}),
  });
}

/**
 * The API in this process (its settings from process.env, read when its modules load), on
 * 127.0.0.1 with a free port; it serves dist/web too when that was built.
 */
export async function listenApi(): Promise<{ base: string; close: () => Promise<void> }> {
  const { NestFactory } = await import('@nestjs/core');
  const { ApiModule } = await import('../apps/api/src/api.module');
  const { configureApp } = await import('../apps/api/src/configure-app');
  const app = configureApp(await NestFactory.create(ApiModule, { logger: false }));
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { base, close: () => app.close() };
}
