import { OpenAPIObject } from '@nestjs/swagger';
import { createTestApp, TestApp } from './support/app';
import { documentProblems, operationsOf } from './openapi-completeness';

type Json = Record<string, any>; // any: walking a JSON document of any shape

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  const schema = (name: string) => document.components!.schemas![name] as Json;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => t.close());

  it('gives every operation a summary, its roles and every error response with the error body', () => {
    expect(operationsOf(document).length).toBeGreaterThan(70);
    expect(documentProblems(document)).toEqual([]);
  });

  it('catches an operation without a summary, roles or error responses', () => {
    const broken = JSON.parse(JSON.stringify(document)) as Json;
    const list = broken.paths['/api/v1/cohorts'].get;
    delete list.summary;
    list['x-roles'] = [];
    delete list.responses['401'];
    delete broken.components.schemas.CreateCohortDto.additionalProperties;
    expect(documentProblems(broken as OpenAPIObject)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/cohorts: no summary',
        'GET /api/v1/cohorts: no roles',
        'GET /api/v1/cohorts: no 401 response with the error body',
        'CreateCohortDto: does not refuse unknown properties (additionalProperties: false)',
      ]),
    );
  });

  it('documents each list as a page of its own items', () => {
    const okRef = (op: Json) =>
      String(op.responses['200']?.content?.['application/json']?.schema?.$ref ?? '');
    const lists = operationsOf(document).filter(({ op }) => okRef(op).endsWith('Page'));
    expect(lists.length).toBeGreaterThanOrEqual(20);
    for (const { op } of lists) {
      const page = schema(okRef(op).split('/').pop()!);
      expect(page.properties.items).toMatchObject({ type: 'array', items: { $ref: expect.any(String) } });
      expect(page.properties.total).toMatchObject({ type: 'integer' });
    }
    const cohorts = (document.paths['/api/v1/cohorts'].get as Json).parameters as Json[];
    expect(cohorts.find((p) => p.name === 'limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 500,
    });
  });

  it('bounds every list: a page of at most 500, except lists bounded by the domain itself', () => {
    // One item per generation, round or region of a programme; one history point a day.
    const boundedByDomain = [
      'GET /api/v1/programmes/{id}/stats/generations',
      'GET /api/v1/programmes/{id}/stats/plan/rounds',
      'GET /api/v1/programmes/{id}/stats/plan/regions',
      'GET /api/v1/programmes/{id}/stats/history',
    ];
    const resolve = (ref: Json | undefined): Json | undefined =>
      ref?.$ref ? schema(String(ref.$ref).split('/').pop()!) : ref;
    const unbounded: string[] = [];
    for (const { path, verb, op } of operationsOf(document)) {
      const answer = resolve(
        (op.responses['200']?.content?.['application/json']?.schema ?? undefined) as Json,
      );
      const isList = answer?.type === 'array' || answer?.properties?.items?.type === 'array';
      if (!isList) continue;
      const where = `${verb.toUpperCase()} ${path}`;
      const limit = op.parameters?.find((p) => p.in === 'query' && p.name === 'limit')?.schema as Json;
      const paged = answer?.properties?.total && limit?.maximum !== undefined && limit.maximum <= 500;
      if (!paged && !boundedByDomain.includes(where)) unbounded.push(where);
    }
    expect(unbounded).toEqual([]);
  });

  it('types nullable fields and repeats the validators as constraints', () => {
    expect(schema('CompletionView').properties.score).toEqual({ type: 'number', nullable: true });
    expect(schema('CreateCompletionDto').properties.score).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 100,
      multipleOf: 0.01,
      nullable: true,
    });
    expect(schema('CreateCohortDto').properties).toMatchObject({
      name: { type: 'string', minLength: 1, maxLength: 200 },
      courseIds: { type: 'array', minItems: 1, items: { type: 'string', format: 'uuid' } },
      capacity: { type: 'integer', minimum: 1 },
    });
    expect(schema('CreateCohortDto').additionalProperties).toBe(false);
  });

  it('lists the error codes and gives the error body its array of field problems', () => {
    expect(schema('ErrorCode').enum).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'COHORT_FULL',
        'ALREADY_ENROLLED',
        'LEAD_TRAINER_NOT_ELIGIBLE',
        'DUPLICATE_EMAIL',
        'RATE_LIMITED',
      ]),
    );
    expect(schema('ErrorBody').required).toEqual(['statusCode', 'code', 'error', 'message']);
    expect(schema('ErrorBody').properties.details).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/FieldProblem' },
    });
  });

  it('says which record a path id refers to and which roles may call', () => {
    const enrol = document.paths['/api/v1/cohorts/{id}/enrolments'].post as unknown as Json;
    expect(enrol.parameters[0]).toMatchObject({
      name: 'id',
      description: 'The id of the cohort',
      schema: { format: 'uuid' },
    });
    expect(enrol['x-roles']).toEqual(expect.arrayContaining(['admin', 'coordinator']));
    expect(enrol['x-roles']).not.toContain('viewer');
    expect(enrol.description).toMatch(/Roles: .*coordinator/);
    expect(schema('CohortView').properties.leadTrainerId.description).toBe("A person's id: the lead trainer");
    expect(schema('CohortView').properties.regionId.description).toBe("A region's id");
  });
});
