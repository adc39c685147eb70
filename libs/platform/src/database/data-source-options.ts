import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from '../../../../migrations';

/**
 * How long a pooled connection may stay idle before it is closed. pg's default, 10 s, closed
 * nearly every connection between two requests of a quiet system, and a new connection costs its
 * first request a cold backend (catalogues read, trigger functions compiled, the prepared
 * statements parsed again) and the rollup its working-set tables and kept plans (docs/BENCHMARKS.md).
 */
const POOL_IDLE_MS = 30 * 60_000;

/** TCP keep-alive on the idle connections, so a firewall or NAT does not drop them unseen. */
const KEEP_ALIVE_AFTER_MS = 60_000;

/** One definition of the connection, shared by the apps, the TypeORM CLI, the tests and bench/. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    // The schema is the migrations' (their uuids come from core PostgreSQL's gen_random_uuid):
    // left on, TypeORM creates uuid-ossp at every start — an extension nothing uses — and warns
    // where the role may not, or when two processes race to create it.
    installExtensions: false,
    // A pool that cannot reach PostgreSQL answers within 5 s (a 503), not when the outage ends.
    // client_min_messages: the figures trigger's NOTICE tells StatsTrigger which programmes a
    // transaction marked, whatever PGOPTIONS or the role's settings say.
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: POOL_IDLE_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEP_ALIVE_AFTER_MS,
      options: '-c client_min_messages=notice',
    },
  };
}
