import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@cascade/platform';
import { RollupService } from '@cascade/stats';
import { resetDatabase } from './support/database';
import { TEST_DATABASE_URL } from './support/test-env';
import { Model } from './stats-model';

/** Writes a generated programme (test/stats-model.ts) as rows, straight into the tables. */

/** Multi-row INSERT of plain rows (column names from the first row). */
async function insertRows(db: DataSource, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const params: unknown[] = [];
  const values = rows.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
}

export async function insertModel(db: DataSource, model: Model, verifierId: string): Promise<void> {
  const tag = model.programmeId.slice(0, 8);
  await insertRows(
    db,
    'institutions',
    model.institutions.map((id, i) => ({
      id,
      name: `Inst ${tag}-${i}`,
      name_mn: `Сургууль ${tag}-${i}`,
      region_id: model.institutionRegions[id],
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
      target_participants: model.roundPlans[id].target,
      region_ids: model.roundPlans[id].regions,
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
      capacity: c.capacity,
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

export interface ModelDatabase {
  db: DataSource;
  rollups: RollupService;
  regionIds: string[];
  /** A coordinator who verifies the models' AI evidence. */
  verifierId: string;
}

/** The rollup tests' setup: a reset test database, a data source and rollup service on it, its regions, a verifier. */
export async function openModelDatabase(): Promise<ModelDatabase> {
  Logger.overrideLogger(false);
  await resetDatabase();
  const db = await new DataSource(dataSourceOptions(TEST_DATABASE_URL, 4)).initialize();
  const regionIds = ((await db.query(`SELECT id FROM regions ORDER BY code`)) as { id: string }[]).map(
    (r) => r.id,
  );
  const [user] = (await db.query(
    `INSERT INTO users (email, password_hash, role) VALUES ('verifier@test.local', 'x', 'coordinator') RETURNING id`,
  )) as { id: string }[];
  return { db, rollups: new RollupService(db), regionIds, verifierId: user.id };
}
