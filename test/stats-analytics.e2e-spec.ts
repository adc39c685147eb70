import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { RollupService } from '@cascade/stats';
import { expectedFigures, Model, modelArbitrary } from './stats-model';
import {
  ExpectedScopeAnalytics,
  expectedScopeAnalytics,
  ExpectedTrainer,
  expectedTrainers,
} from './analytics-model';
import { insertModel, openModelDatabase } from './stats-fixture';
import { edgeCaseModel } from './analytics-edge-cases';

async function storedScopes(
  db: DataSource,
  snapshotId: string,
): Promise<Map<string, ExpectedScopeAnalytics>> {
  const rows = (await db.query(
    `SELECT scope, scope_id, enrolled, generation_funnel, target_participants, capacity, region_institutions,
            region_institutions_reached
       FROM stats_figures WHERE snapshot_id = $1`,
    [snapshotId],
  )) as {
    scope: string;
    scope_id: string;
    enrolled: number;
    generation_funnel: ExpectedScopeAnalytics['generationFunnel'];
    target_participants: number | null;
    capacity: number | null;
    region_institutions: number | null;
    region_institutions_reached: number | null;
  }[];
  return new Map(
    rows.map((r) => [
      `${r.scope}/${r.scope_id}`,
      {
        enrolled: r.enrolled,
        generationFunnel: r.generation_funnel,
        targetParticipants: r.target_participants,
        capacity: r.capacity,
        regionInstitutions: r.region_institutions,
        regionInstitutionsReached: r.region_institutions_reached,
      },
    ]),
  );
}

async function storedTrainers(db: DataSource, snapshotId: string): Promise<Map<string, ExpectedTrainer>> {
  const rows = (await db.query(`SELECT * FROM stats_trainer_figures WHERE snapshot_id = $1`, [
    snapshotId,
  ])) as {
    trainer_id: string;
    master_teacher: boolean;
    generation: number | null;
    cohorts: number;
    direct_participants: number;
    direct_completers: number;
    direct_certified: number;
    downstream_participants: number;
    downstream_completers: number;
    downstream_certified: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.trainer_id,
      {
        masterTeacher: r.master_teacher,
        generation: r.generation,
        cohorts: r.cohorts,
        direct: {
          participants: r.direct_participants,
          completers: r.direct_completers,
          certified: r.direct_certified,
        },
        downstream: {
          participants: r.downstream_participants,
          completers: r.downstream_completers,
          certified: r.downstream_certified,
        },
      },
    ]),
  );
}

describe('stats rollup: cascade analytics', () => {
  let db: DataSource;
  let rollups: RollupService;
  let regionIds: string[];
  let verifierId: string;

  beforeAll(async () => {
    ({ db, rollups, regionIds, verifierId } = await openModelDatabase());
  });
  afterAll(() => db.destroy());

  /** Rolls the model up and compares every analytics figure with the independent computation. */
  async function checkModel(model: Model): Promise<Map<string, ExpectedTrainer>> {
    await insertModel(db, model, verifierId);
    const result = await rollups.rollup(model.programmeId);
    expect(result).not.toBeNull();
    // A region's institutions are reference data shared by every programme in this database.
    const totals = (await db.query(
      `SELECT region_id, count(*)::int AS n FROM institutions GROUP BY region_id`,
    )) as {
      region_id: string;
      n: number;
    }[];
    const regionInstitutions = Object.fromEntries(totals.map((t) => [t.region_id, t.n]));
    const scopeKeys = expectedFigures(model).keys();
    const expected = expectedScopeAnalytics(model, scopeKeys, regionInstitutions);
    expect(Object.fromEntries(await storedScopes(db, result!.snapshotId))).toEqual(
      Object.fromEntries(expected),
    );
    const trainers = await storedTrainers(db, result!.snapshotId);
    expect(Object.fromEntries(trainers)).toEqual(Object.fromEntries(expectedTrainers(model)));
    return trainers;
  }

  it('matches an independent computation of the funnel, places, plan and trainer reach on random programmes', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary(regionIds), (model) => checkModel(model).then(() => undefined)),
      { numRuns: 40 },
    );
  });

  it('counts a trainer of two generations, a person trained twice, a withdrawal and a revocation as defined', async () => {
    const { model, people } = edgeCaseModel(regionIds);
    const trainers = await checkModel(model);
    // Literal numbers, worked out by hand in test/analytics-edge-cases.ts.
    expect(trainers.get(people.master)).toEqual({
      masterTeacher: true,
      generation: 1,
      cohorts: 2,
      direct: { participants: 3, completers: 2, certified: 1 },
      downstream: { participants: 5, completers: 2, certified: 1 },
    });
    expect(trainers.get(people.trainer)).toEqual({
      masterTeacher: false,
      generation: 2,
      cohorts: 1,
      direct: { participants: 3, completers: 1, certified: 0 },
      downstream: { participants: 3, completers: 1, certified: 0 },
    });
  });
});
