import { OpenAPIObject } from '@nestjs/swagger';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeEnrolment,
  makeInstitution,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
  makeCohort,
  uuid,
} from './support/factories';
import { operationsOf } from './openapi-completeness';

type Json = Record<string, any>; // any: bodies and schemas of every shape

/** Sent as text: a client's JSON.stringify overflows its own stack long before such depths. */
const deepJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('hostile input: 400, 413 or 415, never a 5xx', () => {
  let t: TestApp;
  let admin: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
    document = (await t.http.get('/api/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => t.close());

  const as = () => ({ Authorization: `Bearer ${admin}` });
  const person = async () => ({
    fullName: 'Болд Бат',
    email: `bold-${uuid()}@school.mn`,
    institutionId: await makeInstitution(t.db),
    discipline: 'Mathematics',
  });

  it('refuses a NUL character in any string with 400 naming the field, in the body, nested, or in the query', async () => {
    const body = await t.http
      .post('/api/v1/people')
      .set(as())
      .send({ ...(await person()), fullName: 'Бол\u0000д' })
      .expect(400);
    expect(body.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'fullName', problems: ['must not contain a NUL character'] }],
    });
    const nested = await t.http
      .post('/api/v1/mentoring/sessions/batch')
      .set(as())
      .send({
        sessions: [
          { clientRef: 'a', notes: 'x' },
          { clientRef: 'b', topics: ['ok', 'n\u0000'] },
        ],
      })
      .expect(400);
    expect(nested.body.details).toEqual([
      { field: 'sessions.1.topics.1', problems: ['must not contain a NUL character'] },
    ]);
    const query = await t.http.get('/api/v1/people').query({ q: 'a\u0000' }).set(as()).expect(400);
    expect(query.body.message).toBe('q: must not contain a NUL character');
    // The parser skips the walk for UTF-8 text without the escape; other encodings are walked.
    const utf16 = await t.http
      .post('/api/v1/people')
      .set({ ...as(), 'Content-Type': 'application/json; charset=utf-16le' })
      // As bytes: superagent would serialise the Buffer itself for a JSON content type (its
      // types say a serialiser returns a string; Node's request takes a Buffer alike).
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(Buffer.from(JSON.stringify({ ...(await person()), fullName: 'Бол\u0000д' }), 'utf16le'))
      .expect(400);
    expect(utf16.body.details).toEqual([
      { field: 'fullName', problems: ['must not contain a NUL character'] },
    ]);
  });

  it('answers 1e-7 as a score, pass mark or ECTS with 400, never 500', async () => {
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    const master = await makeMasterTeacher(t.db, programmeId);
    const roundId = await makeRound(t.db, programmeId, 1);
    const cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: master,
      courseIds: coreCourseIds,
    });
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    const raw = (path: string, method: 'post' | 'patch', json: string) =>
      t.http[method](path).set(as()).set('Content-Type', 'application/json').send(json);

    const score = await raw(
      `/api/v1/enrolments/${enrolmentId}/completions`,
      'post',
      `{"courseId":"${coreCourseIds[0]}","completedOn":"2024-05-01","score":1e-7}`,
    ).expect(400);
    expect(score.body.details).toEqual([
      { field: 'score', problems: ['score must be a number with at most 2 decimal places'] },
    ]);
    await raw(`/api/v1/programmes/${programmeId}`, 'patch', '{"passMark":1e-7}').expect(400);
    const course = (await t.http.get('/api/v1/courses').set(as()).expect(200)).body.items[0];
    await raw(`/api/v1/courses/${course.id}`, 'patch', '{"ects":1e-7}').expect(400);
    await raw(`/api/v1/courses/${course.id}`, 'patch', '{"ects":1e400}').expect(400);
  });

  it('refuses JSON nested thousands deep with 400, however deep', async () => {
    // A million deep fits the 10 MB of the batch route; elsewhere the small body limit comes first.
    for (const [route, depth] of [
      ['/api/v1/people', 40],
      ['/api/v1/people', 12_000],
      ['/api/v1/mentoring/sessions/batch', 1_000_000],
    ] as const) {
      const res = await t.http
        .post(route)
        .set(as())
        .set('Content-Type', 'application/json')
        .send(`{"fullName":"Болд","discipline":${deepJson(depth)}}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'body: nested deeper than 32 levels',
      });
    }
  });

  it('limits bodies per route: a few kB for login, 100 kB for ordinary writes, 1 MB for bulk revocation and the completions batch, 10 MB for the session batch', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.mn', password: 'x'.repeat(5 * 1024) })
      .expect(413);
    expect(login.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    await t.http
      .post('/api/v1/people')
      .set(as())
      .send({ ...(await person()), discipline: 'x'.repeat(150 * 1024) })
      .expect(413);
    // Over 100 kB is read on the batch route: the answer is about the content, not the size.
    const batch = await t.http
      .post('/api/v1/mentoring/sessions/batch')
      .set(as())
      .send({ sessions: [], padding: 'т'.repeat(1024 * 1024) })
      .expect(400);
    expect(batch.body.message).toMatch(/padding/);
    // 10,000 ids (about 400 kB) fit the bulk revocation and the completions batch takes 1 MB.
    const ids = Array.from({ length: 10_000 }, () => uuid());
    const revoke = await t.http
      .post('/api/v1/certifications/revoke')
      .set(as())
      .send({ reason: 'duplicate records', certificationIds: ids })
      .expect(400);
    expect(revoke.body.details[0]).toMatchObject({ field: 'certificationIds' });
    expect(revoke.body.details[0].problems).toHaveLength(10_000);
    const completions = await t.http
      .post(`/api/v1/cohorts/${uuid()}/completions/batch`)
      .set(as())
      .send({ completions: [], padding: 'т'.repeat(300 * 1024) })
      .expect(400);
    expect(completions.body.message).toMatch(/padding/);
  });

  it('answers every operation of the document fed NUL strings, 1e-7 numbers, wrong types and deep nesting without a 5xx', async () => {
    const schemas = document.components!.schemas as Record<string, Json>;
    const resolve = (schema: Json | undefined): Json | undefined =>
      schema?.$ref ? schemas[String(schema.$ref).split('/').pop()!] : schema;
    const poison = (schema: Json | undefined, kind: string): unknown => {
      const s = resolve(schema?.allOf?.[0] ?? schema) ?? {};
      if (kind === 'types') return s.type === 'string' ? 12 : 'x';
      if (s.type === 'number' || s.type === 'integer') return 1e-7;
      if (s.type === 'array') return [poison(s.items, kind)];
      if (s.type === 'object' && s.properties) return bodyOf(s, kind);
      return 'a\u0000b';
    };
    const bodyOf = (schema: Json | undefined, kind: string): Json =>
      Object.fromEntries(
        Object.entries(resolve(schema)?.properties ?? {}).map(([key, p]) => [key, poison(p as Json, kind)]),
      );

    const failures: string[] = [];
    let requests = 0;
    for (const { path, verb, op } of operationsOf(document)) {
      const url = path.replace(/\{(\w+)\}/g, () => uuid());
      const bodySchema = (op.requestBody as Json | undefined)?.content?.['application/json']?.schema as
        Json | undefined;
      const query = Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => [p.name, p.schema?.type === 'string' ? 'a\u0000' : '1e-7']),
      );
      const attempts: [string, string | undefined][] = bodySchema
        ? [
            ['nul', JSON.stringify(bodyOf(bodySchema, 'nul'))],
            ['types', JSON.stringify(bodyOf(bodySchema, 'types'))],
            ['deep', deepJson(2_000)],
          ]
        : [['query', undefined]];
      for (const [kind, body] of attempts) {
        const call = t.http[verb as 'get'](url).set(as()).query(query);
        const res =
          body === undefined ? await call : await call.set('Content-Type', 'application/json').send(body);
        requests++;
        if (res.status >= 500)
          failures.push(
            `${verb.toUpperCase()} ${path} (${kind}) → ${res.status} ${JSON.stringify(res.body)}`,
          );
      }
      const nulInPath = path.replace(/\{(\w+)\}/g, 'a%00b');
      if (nulInPath !== path) {
        const res = await t.http[verb as 'get'](nulInPath).set(as());
        requests++;
        if (res.status !== 400) failures.push(`${verb.toUpperCase()} ${path} (NUL id) → ${res.status}`);
      }
    }
    expect(requests).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
});
