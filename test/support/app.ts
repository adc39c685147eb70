import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as argon2 from 'argon2';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@cascade/platform';
import { CascadeJobsModule } from '@cascade/cascade';
import { StatsJobsModule } from '@cascade/stats';
import { ReportsJobsModule } from '@cascade/reports';
import { ImportsJobsModule } from '@cascade/imports';
import { CredentialsJobsModule } from '@cascade/credentials';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureAppWithDocument } from '../../apps/api/src/configure-app';
import { openApiResponseChecker } from './openapi-responses';

export interface TestAppOptions {
  /** Also run the worker's processors in this process (for tests that go through the queues). */
  worker?: boolean;
  /** Extra modules, e.g. a single jobs module. */
  imports?: Type[];
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  /** A bearer token for a fresh user of that role (a master teacher may be linked to a person). */
  tokenFor(role: Role, personId?: string | null): Promise<string>;
  close(): Promise<void>;
}

const JOBS_MODULES: Type[] = [
  CascadeJobsModule,
  StatsJobsModule,
  ReportsJobsModule,
  ImportsJobsModule,
  CredentialsJobsModule,
];

/** The real API (and optionally the real worker processors) on real PostgreSQL and Redis. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule, ...(options.worker ? JOBS_MODULES : []), ...(options.imports ?? [])],
  }).compile();
  const { app, document } = configureAppWithDocument(moduleRef.createNestApplication({ logger: false }));
  // Every response of every end-to-end test must match the OpenAPI document the app serves.
  const responses = openApiResponseChecker(document);
  app.use(responses.middleware);
  await app.init();
  const http = request(app.getHttpServer());
  const db = app.get(DataSource);
  let counter = 0;
  const passwordHash = await argon2.hash('password-123');

  return {
    app,
    http,
    db,
    async tokenFor(role: Role, personId: string | null = null): Promise<string> {
      const email = `${role}-${Date.now()}-${counter++}@test.local`;
      await db.query(`INSERT INTO users (email, password_hash, role, person_id) VALUES ($1, $2, $3, $4)`, [
        email,
        passwordHash,
        role,
        personId,
      ]);
      const res = await http.post('/api/v1/auth/login').send({ email, password: 'password-123' }).expect(200);
      return (res.body as { accessToken: string }).accessToken;
    },
    async close(): Promise<void> {
      await app.close();
      if (responses.violations.length > 0) {
        throw new Error(
          `responses that do not match the OpenAPI document:\n${responses.violations.join('\n')}`,
        );
      }
    },
  };
}
