import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from '../../../../migrations';

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
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, options: '-c client_min_messages=notice' },
  };
}
