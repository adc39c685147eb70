import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { GENERATIONS_SQL } from '@cascade/cascade';
import { RollupService } from '@cascade/stats';
import { expectedFigures, ExpectedFigures, expectedGenerations, modelArbitrary } from './stats-model';
import { insertModel, openModelDatabase } from './stats-fixture';

interface StoredRow {
  scope: string;
  scope_id: string;
  participants: number;
  institutions: number;
  master_teachers: number;
  completers: number;
  certified: number;
  ai_adopters: number;
  mentoring_sessions: number;
  mentoring_minutes: string;
  mentees_mentored: number;
  by_generation: Record<string, number>;
}

async function storedFigures(db: DataSource, snapshotId: string): Promise<Map<string, ExpectedFigures>> {
  const rows = (await db.query(`SELECT * FROM stats_figures WHERE snapshot_id = $1`, [
    snapshotId,
  ])) as StoredRow[];
  return new Map(
    rows.map((r) => [
      `${r.scope}/${r.scope_id}`,
      {
        participants: r.participants,
        institutions: r.institutions,
        masterTeachers: r.master_teachers,
        completers: r.completers,
        certified: r.certified,
        aiAdopters: r.ai_adopters,
        mentoringSessions: r.mentoring_sessions,
        mentoringMinutes: Number(r.mentoring_minutes),
        menteesMentored: r.mentees_mentored,
        byGeneration: r.by_generation,
      },
    ]),
  );
}

describe('stats rollup', () => {
  let db: DataSource;
  let rollups: RollupService;
  let regionIds: string[];
  let verifierId: string;

  beforeAll(async () => {
    ({ db, rollups, regionIds, verifierId } = await openModelDatabase());
  });
  afterAll(() => db.destroy());

  /** A pruned snapshot's figures go with it (they carry no foreign key: the rollup deletes them). */
  async function figuresWithoutSnapshot(): Promise<{ figures: number; trainerFigures: number }> {
    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM stats_figures f
                WHERE NOT EXISTS (SELECT 1 FROM stats_snapshots s WHERE s.id = f.snapshot_id))::int AS figures,
              (SELECT count(*) FROM stats_trainer_figures t
                WHERE NOT EXISTS (SELECT 1 FROM stats_snapshots s WHERE s.id = t.snapshot_id))::int AS "trainerFigures"`,
    )) as { figures: number; trainerFigures: number }[];
    return counts;
  }

  it('matches an independent computation of every figure of every scope on random programmes', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary(regionIds), async (model) => {
        await insertModel(db, model, verifierId);
        const result = await rollups.rollup(model.programmeId);
        expect(result).not.toBeNull();
        const stored = await storedFigures(db, result!.snapshotId);
        const expected = expectedFigures(model);
        expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
      }),
      { numRuns: 40 },
    );
  });

  it("agrees with the cascade tree's generations query on random cascades", async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary(regionIds), async (model) => {
        await insertModel(db, model, verifierId);
        const rows = (await db.query(GENERATIONS_SQL, [model.programmeId])) as {
          person_id: string;
          generation: number;
        }[];
        const theirs = new Map(rows.map((r) => [r.person_id, r.generation]));
        expect(Object.fromEntries(theirs)).toEqual(Object.fromEntries(expectedGenerations(model)));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps one snapshot per day and writes the same figures when run twice', async () => {
    const [model] = fc.sample(modelArbitrary(regionIds), { numRuns: 1, seed: 7 });
    await insertModel(db, model, verifierId);
    const first = await rollups.rollup(model.programmeId, { full: true });
    const second = await rollups.rollup(model.programmeId, { full: true });
    const snapshots = (await db.query(`SELECT id FROM stats_snapshots WHERE programme_id = $1`, [
      model.programmeId,
    ])) as {
      id: string;
    }[];
    expect(snapshots.map((s) => String(s.id))).toEqual([second!.snapshotId]);
    expect(first!.snapshotId).not.toEqual(second!.snapshotId);
    expect(await figuresWithoutSnapshot()).toEqual({ figures: 0, trainerFigures: 0 });
    expect(Object.fromEntries(await storedFigures(db, second!.snapshotId))).toEqual(
      Object.fromEntries(expectedFigures(model)),
    );
  });

  it.each([true, false])(
    'keeps the last snapshot of each past day and prunes the others (full: %s)',
    async (full) => {
      const [model] = fc.sample(modelArbitrary(regionIds), { numRuns: 1, seed: 11 });
      await insertModel(db, model, verifierId);
      const older = await rollups.rollup(model.programmeId, { full: true });
      await db.query(
        `UPDATE stats_snapshots SET computed_at = computed_at - interval '2 days',
                      computed_on = computed_on - 2 WHERE id = $1`,
        [older!.snapshotId],
      );
      const sameOldDay = await rollups.rollup(model.programmeId, { full });
      await db.query(
        `UPDATE stats_snapshots SET computed_at = computed_at - interval '2 days' + interval '1 hour',
                      computed_on = computed_on - 2 WHERE id = $1`,
        [sameOldDay!.snapshotId],
      );
      const today = await rollups.rollup(model.programmeId, { full });
      const kept = (await db.query(
        `SELECT id FROM stats_snapshots WHERE programme_id = $1 ORDER BY computed_at`,
        [model.programmeId],
      )) as { id: string }[];
      expect(kept.map((s) => String(s.id))).toEqual([sameOldDay!.snapshotId, today!.snapshotId]);
      expect(await figuresWithoutSnapshot()).toEqual({ figures: 0, trainerFigures: 0 });
    },
  );

  it('serialises concurrent rollups of one programme and records the dirty version it rolled', async () => {
    const [model] = fc.sample(modelArbitrary(regionIds), { numRuns: 1, seed: 13 });
    await insertModel(db, model, verifierId);
    // The model's inserts marked it (triggers): the first rollup takes the marks, the others find none.
    const [{ version }] = await db.query(`SELECT figures_dirty_version($1)::int AS version`, [
      model.programmeId,
    ]);
    expect(version).toBeGreaterThan(0);
    const results = await Promise.all([1, 2, 3].map(() => rollups.rollup(model.programmeId)));
    expect(results.every((r) => r !== null && r.dirtyVersion === version && !r.behind)).toBe(true);
    const [state] = await db.query(
      `SELECT rolled_version, figures_marks_pending($1, 'rollup') AS pending
         FROM programme_figures_state WHERE programme_id = $1`,
      [model.programmeId],
    );
    expect({ rolled: Number(state.rolled_version), pending: state.pending }).toEqual({
      rolled: version,
      pending: false,
    });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM stats_snapshots WHERE programme_id = $1`,
      [model.programmeId],
    );
    expect(count).toBe(1);
  });

  it('returns null for a programme that does not exist', async () => {
    await expect(rollups.rollup('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });
});
