import fc from 'fast-check';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GENERATIONS_SQL } from '@cascade/cascade';
import { dataSourceOptions } from '@cascade/platform';
import { RollupService } from '@cascade/stats';
import { resetDatabase } from './support/database';
import { TEST_DATABASE_URL } from './support/test-env';
import { expectedFigures, ExpectedFigures, expectedGenerations, Model, modelArbitrary } from './stats-model';

/** Multi-row INSERT of plain rows (column names from the first row). */
async function insertRows(db: DataSource, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const params: unknown[] = [];
  const values = rows.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
}

async function insertModel(db: DataSource, model: Model, verifierId: string): Promise<void> {
  const tag = model.programmeId.slice(0, 8);
  await insertRows(
    db,
    'institutions',
    model.institutions.map((id, i) => ({
      id,
      name: `Inst ${tag}-${i}`,
      name_mn: `Сургууль ${tag}-${i}`,
      region_id: model.regions[i % model.regions.length],
      kind: 'college',
    })),
  );
  await insertRows(
    db,
    'people',
    model.people.map((p, i) => ({
      id: p.id,
      full_name: `Бат ${tag}-${i}`,
      email: `p-${tag}-${i}@example.mn`,
      institution_id: p.institution,
    })),
  );
  await insertRows(
    db,
    'courses',
    model.courses.map((id, i) => ({
      id,
      code: `C-${tag}-${i}`,
      title: `Course ${i}`,
      title_mn: `Хичээл ${i}`,
      workload_hours: 20,
    })),
  );
  await insertRows(db, 'programmes', [
    {
      id: model.programmeId,
      name: `Programme ${tag}`,
      starts_on: '2024-01-01',
      ends_on: '2026-12-31',
      core_course_ids: model.core,
      pass_mark: 60,
      credential: { title: 'AI', level: 'micro', issuer: 'NC' },
      status: 'active',
    },
  ]);
  await insertRows(
    db,
    'master_teachers',
    model.masters.map((m) => ({
      programme_id: model.programmeId,
      person_id: m.person,
      trained_on: '2024-01-10',
      region_ids: m.regions,
    })),
  );
  await insertRows(
    db,
    'cascade_rounds',
    model.rounds.map((id, i) => ({
      id,
      programme_id: model.programmeId,
      number: i + 1,
      name: `Round ${i + 1}`,
      starts_on: '2024-02-01',
      ends_on: '2026-06-30',
    })),
  );
  await insertRows(
    db,
    'cohorts',
    model.cohorts.map((c, i) => ({
      id: c.id,
      programme_id: model.programmeId,
      round_id: c.round,
      name: `Cohort ${i}`,
      region_id: c.region,
      lead_trainer_id: c.lead,
      course_ids: c.courses,
      delivery_mode: 'online',
      capacity: 50,
      starts_on: '2024-03-01',
      ends_on: '2024-06-30',
    })),
  );
  await insertRows(
    db,
    'enrolments',
    model.enrolments.map((e) => ({
      id: e.id,
      cohort_id: e.cohort,
      person_id: e.person,
      status: e.status,
      enrolled_on: '2024-03-01',
    })),
  );
  await insertRows(
    db,
    'course_completions',
    model.completions.map((c) => ({
      enrolment_id: c.enrolment,
      course_id: c.course,
      completed_on: '2024-06-01',
      score: c.score,
    })),
  );
  for (const c of model.certifications) {
    await db.query(
      `INSERT INTO certifications (programme_id, person_id, number, issued_on, revoked_on, revocation_reason)
       VALUES ($1, $2, 'MC-2024-' || lpad(nextval('certification_number_seq')::text, 6, '0'), '2024-07-01', $3, $4)`,
      [model.programmeId, c.person, c.revoked ? '2024-08-01' : null, c.revoked ? 'score corrected' : null],
    );
  }
  await insertRows(
    db,
    'ai_adoptions',
    model.adoptions.map((a) => ({
      person_id: a.person,
      programme_id: model.programmeId,
      observed_on: '2024-09-01',
      kind: 'instruction',
      description: 'Uses a chatbot for feedback',
      verified_by: a.verified ? verifierId : null,
      verified_on: a.verified ? '2024-09-10' : null,
    })),
  );
  await insertRows(
    db,
    'mentoring_assignments',
    model.assignments.map((a) => ({
      id: a.id,
      programme_id: model.programmeId,
      mentor_id: a.mentor,
      mentee_id: a.mentee,
      starts_on: '2024-07-01',
      ends_on: a.ended ? '2024-12-31' : null,
    })),
  );
  await insertRows(
    db,
    'mentoring_sessions',
    model.sessions.map((s, i) => ({
      assignment_id: s.assignment,
      occurred_at: '2024-08-01T10:00:00Z',
      duration_minutes: s.minutes,
      mode: 'online',
      client_ref: `${tag}-${i}`,
    })),
  );
}

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
    Logger.overrideLogger(false);
    await resetDatabase();
    db = await new DataSource(dataSourceOptions(TEST_DATABASE_URL, 4)).initialize();
    rollups = new RollupService(db);
    regionIds = ((await db.query(`SELECT id FROM regions ORDER BY code`)) as { id: string }[]).map(
      (r) => r.id,
    );
    const [user] = (await db.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('verifier@test.local', 'x', 'coordinator') RETURNING id`,
    )) as { id: string }[];
    verifierId = user.id;
  });
  afterAll(() => db.destroy());

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
    const first = await rollups.rollup(model.programmeId);
    const second = await rollups.rollup(model.programmeId);
    const snapshots = (await db.query(`SELECT id FROM stats_snapshots WHERE programme_id = $1`, [
      model.programmeId,
    ])) as {
      id: string;
    }[];
    expect(snapshots.map((s) => String(s.id))).toEqual([second!.snapshotId]);
    expect(first!.snapshotId).not.toEqual(second!.snapshotId);
    expect(Object.fromEntries(await storedFigures(db, second!.snapshotId))).toEqual(
      Object.fromEntries(expectedFigures(model)),
    );
  });

  it('keeps the last snapshot of each past day and prunes the others', async () => {
    const [model] = fc.sample(modelArbitrary(regionIds), { numRuns: 1, seed: 11 });
    await insertModel(db, model, verifierId);
    const older = await rollups.rollup(model.programmeId);
    await db.query(
      `UPDATE stats_snapshots SET computed_at = computed_at - interval '2 days',
                      computed_on = computed_on - 2 WHERE id = $1`,
      [older!.snapshotId],
    );
    const sameOldDay = await rollups.rollup(model.programmeId);
    await db.query(
      `UPDATE stats_snapshots SET computed_at = computed_at - interval '2 days' + interval '1 hour',
                      computed_on = computed_on - 2 WHERE id = $1`,
      [sameOldDay!.snapshotId],
    );
    const today = await rollups.rollup(model.programmeId);
    const kept = (await db.query(
      `SELECT id FROM stats_snapshots WHERE programme_id = $1 ORDER BY computed_at`,
      [model.programmeId],
    )) as { id: string }[];
    expect(kept.map((s) => String(s.id))).toEqual([sameOldDay!.snapshotId, today!.snapshotId]);
  });

  it('serialises concurrent rollups of one programme and records the dirty version it rolled', async () => {
    const [model] = fc.sample(modelArbitrary(regionIds), { numRuns: 1, seed: 13 });
    await insertModel(db, model, verifierId);
    await db.query(`INSERT INTO programme_figures_state (programme_id, dirty_version) VALUES ($1, 5)`, [
      model.programmeId,
    ]);
    const results = await Promise.all([1, 2, 3].map(() => rollups.rollup(model.programmeId)));
    expect(results.every((r) => r !== null && r.dirtyVersion === 5 && !r.behind)).toBe(true);
    const [state] = await db.query(
      `SELECT rolled_version FROM programme_figures_state WHERE programme_id = $1`,
      [model.programmeId],
    );
    expect(Number(state.rolled_version)).toBe(5);
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
