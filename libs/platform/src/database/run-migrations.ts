import { DataSource } from 'typeorm';

/** Any fixed number: the key of the PostgreSQL advisory lock that serialises migrations. */
const MIGRATIONS_LOCK = 7_316_204_911;

/**
 * Runs pending migrations while holding an advisory lock, so API replicas and workers that start
 * together run each migration once instead of racing on the same CREATE TABLE (TypeORM takes no
 * lock of its own). Answers the names of the migrations it applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
