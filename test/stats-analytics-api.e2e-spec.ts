import { Logger } from '@nestjs/common';
import { RollupService } from '@cascade/stats';
import { edgeCaseModel, flaggedModel } from './analytics-edge-cases';
import { insertModel } from './stats-fixture';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution } from './support/factories';

/** The cascade analytics API over the lineages of test/analytics-edge-cases.ts, numbers worked out by hand. */
describe('stats API: cascade analytics', () => {
  let t: TestApp;
  let reader: string;
  let regionIds: string[];
  let edge: ReturnType<typeof edgeCaseModel>;
  let flagged: ReturnType<typeof flaggedModel>;

  const get = (programmeId: string, path: string, token = reader) =>
    t.http.get(`/api/v1/programmes/${programmeId}/stats/${path}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await resetDatabase();
    t = await createTestApp();
    regionIds = ((await t.db.query(`SELECT id FROM regions ORDER BY code`)) as { id: string }[]).map(
      (r) => r.id,
    );
    const [user] = (await t.db.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('verifier@test.local', 'x', 'coordinator') RETURNING id`,
    )) as { id: string }[];
    edge = edgeCaseModel(regionIds);
    flagged = flaggedModel(regionIds.slice(5));
    await insertModel(t.db, edge.model, user.id);
    await insertModel(t.db, flagged.model, user.id);
    // An institution of the second region that no one of the programme comes from.
    await makeInstitution(t.db, { region_id: regionIds[1] });
    const rollups = new RollupService(t.db);
    await rollups.rollup(edge.model.programmeId);
    await rollups.rollup(flagged.model.programmeId);
    reader = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  it('answers the funnel by generation, a withdrawn trainee counted as a participant', async () => {
    const res = await get(edge.model.programmeId, 'generations').expect(200);
    expect(res.body).toMatchObject({ scope: 'programme', scopeId: edge.model.programmeId, stale: false });
    expect(res.body.items).toEqual([
      {
        generation: '2',
        participants: 3,
        completers: 2,
        certified: 1,
        aiAdopters: 1,
        completionRate: 0.6667,
        certificationRate: 0.5,
        aiAdoptionRate: 0.5,
      },
      {
        generation: '3',
        participants: 2,
        completers: 0,
        certified: 0,
        aiAdopters: 0,
        completionRate: 0,
        certificationRate: 0,
        aiAdoptionRate: 0,
      },
    ]);
  });

  it("answers one cohort's funnel, and 404 for a scope that is not the programme's", async () => {
    const cohortC = edge.model.cohorts[2].id;
    const res = await get(edge.model.programmeId, `generations?scope=cohort&scopeId=${cohortC}`).expect(200);
    expect(
      res.body.items.map((i: { generation: string; participants: number }) => [i.generation, i.participants]),
    ).toEqual([
      ['2', 1],
      ['3', 2],
    ]);
    await get(edge.model.programmeId, `generations?scope=cohort&scopeId=${edge.model.programmeId}`).expect(
      404,
    );
    await get(edge.model.programmeId, `generations?scope=cohort`).expect(400);
  });

  it('lists trainers by reach with direct and downstream outcome, a person trained twice under both', async () => {
    const res = await get(edge.model.programmeId, 'trainers').expect(200);
    expect(res.body).toMatchObject({
      total: 2,
      limit: 50,
      offset: 0,
      programme: {
        participants: 5,
        completers: 2,
        certified: 1,
        completionRate: 0.4,
        certificationRate: 0.5,
      },
    });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        trainerId: edge.people.master,
        masterTeacher: true,
        generation: 1,
        cohorts: 2,
        direct: {
          participants: 3,
          completers: 2,
          certified: 1,
          completionRate: 0.6667,
          certificationRate: 0.5,
        },
        downstream: {
          participants: 5,
          completers: 2,
          certified: 1,
          completionRate: 0.4,
          certificationRate: 0.5,
        },
        flags: [],
      }),
      expect.objectContaining({
        trainerId: edge.people.trainer,
        masterTeacher: false,
        generation: 2,
        cohorts: 1,
        direct: {
          participants: 3,
          completers: 1,
          certified: 0,
          completionRate: 0.3333,
          certificationRate: 0,
        },
        downstream: {
          participants: 3,
          completers: 1,
          certified: 0,
          completionRate: 0.3333,
          certificationRate: 0,
        },
        flags: [],
      }),
    ]);
  });

  it('sorts trainers by outcome and pages through them', async () => {
    const worst = await get(
      edge.model.programmeId,
      'trainers?sort=directCompletionRate&order=asc&limit=1',
    ).expect(200);
    expect(worst.body.items.map((i: { trainerId: string }) => i.trainerId)).toEqual([edge.people.trainer]);
    const second = await get(
      edge.model.programmeId,
      'trainers?sort=directCompletionRate&order=asc&limit=1&offset=1',
    ).expect(200);
    expect(second.body.items.map((i: { trainerId: string }) => i.trainerId)).toEqual([edge.people.master]);
    expect(second.body.total).toBe(2);
    await get(edge.model.programmeId, 'trainers?sort=password').expect(400);
  });

  it('flags a trainer of 12 whose trainees do markedly worse than the programme, not one of 3', async () => {
    const res = await get(flagged.model.programmeId, 'trainers?sort=fullName').expect(200);
    const flags = Object.fromEntries(
      (res.body.items as { trainerId: string; flags: string[] }[]).map((i) => [i.trainerId, i.flags]),
    );
    expect(flags).toEqual({ [flagged.people.f]: ['completionRate'], [flagged.people.g]: [] });
  });

  it('sets each round target against enrolled, completers and certified; withdrawn holds no place', async () => {
    const res = await get(edge.model.programmeId, 'plan/rounds').expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        number: 1,
        targetParticipants: 4,
        participants: 2,
        enrolled: 2,
        completers: 1,
        certified: 1,
        targetAttainment: 0.5,
      }),
      expect.objectContaining({
        number: 2,
        targetParticipants: 10,
        participants: 3,
        enrolled: 2,
        completers: 1,
        certified: 0,
        targetAttainment: 0.2,
      }),
    ]);
  });

  it("sets each cohort's capacity against its places taken, one round at a time", async () => {
    const all = await get(edge.model.programmeId, 'plan/cohorts').expect(200);
    expect(all.body.total).toBe(3);
    const byId = Object.fromEntries(
      (
        all.body.items as { cohortId: string; enrolled: number; participants: number; fillRate: number }[]
      ).map((c) => [c.cohortId, [c.enrolled, c.participants, c.fillRate]]),
    );
    const [a, b, c] = edge.model.cohorts.map((x) => x.id);
    expect(byId).toEqual({ [a]: [2, 2, 0.6667], [b]: [1, 1, 0.3333], [c]: [2, 3, 0.6667] });
    const round2 = await get(edge.model.programmeId, `plan/cohorts?roundId=${edge.model.rounds[1]}`).expect(
      200,
    );
    expect(round2.body.items.map((x: { cohortId: string }) => x.cohortId).sort()).toEqual([b, c].sort());
  });

  it("gives each region's share of its institutions reached", async () => {
    const res = await get(edge.model.programmeId, 'plan/regions').expect(200);
    const byId = Object.fromEntries(
      (
        res.body.items as {
          regionId: string;
          institutions: number;
          institutionsReached: number;
          reachRate: number;
        }[]
      ).map((r) => [r.regionId, [r.institutions, r.institutionsReached, r.reachRate]]),
    );
    expect(byId).toEqual({ [regionIds[0]]: [1, 1, 1], [regionIds[1]]: [2, 1, 0.5] });
  });

  it('answers 404 for a programme without figures and 401 without a token', async () => {
    const [{ id }] = (await t.db.query(
      `INSERT INTO programmes (name, starts_on, ends_on, core_course_ids, pass_mark, credential, status)
       VALUES ('Empty', '2025-01-01', '2025-12-31', '{}', 60, '{"title":"x","level":"micro","issuer":"y"}', 'draft')
       RETURNING id`,
    )) as { id: string }[];
    for (const path of ['generations', 'trainers', 'plan/rounds', 'plan/cohorts', 'plan/regions'])
      await get(id, path).expect(404);
    await t.http.get(`/api/v1/programmes/${edge.model.programmeId}/stats/trainers`).expect(401);
  });
});
