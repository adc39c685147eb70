import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';

/**
 * One-line builders of valid records, written straight to the database so a test shows only
 * what matters to it. Each returns the row's id; pass fields to override the defaults.
 */
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

async function insert(db: DataSource, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const params = columns.map((_, i) => `$${i + 1}`);
  const [{ id }] = await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return id as string;
}

export async function regionId(db: DataSource, code = 'MN-1'): Promise<string> {
  const [{ id }] = await db.query(`SELECT id FROM regions WHERE code = $1`, [code]);
  return id as string;
}

export async function makeInstitution(db: DataSource, fields: Record<string, unknown> = {}): Promise<string> {
  const n = next();
  return insert(db, 'institutions', {
    name: `Institute ${n}`,
    name_mn: `Сургууль ${n}`,
    region_id: fields.region_id ?? (await regionId(db)),
    kind: 'university',
    ...fields,
  });
}

export async function makePerson(db: DataSource, fields: Record<string, unknown> = {}): Promise<string> {
  const n = next();
  return insert(db, 'people', {
    full_name: `Бат-Эрдэнэ ${n}`,
    email: `person-${n}@example.mn`,
    institution_id: fields.institution_id ?? (await makeInstitution(db)),
    discipline: 'Mathematics',
    preferred_language: 'mn',
    ...fields,
  });
}

export async function makeCourse(db: DataSource, fields: Record<string, unknown> = {}): Promise<string> {
  const n = next();
  return insert(db, 'courses', {
    code: `AI-${n}`,
    title: `AI in teaching ${n}`,
    title_mn: `Хиймэл оюун ${n}`,
    workload_hours: 30,
    learning_outcomes: ['Uses AI tools in lesson planning'],
    language: 'mn',
    delivery_modes: ['online'],
    ...fields,
  });
}

/** A programme's credential stating every mandatory EU element (what activation asks for). */
export const MICRO_CREDENTIAL = {
  title: 'AI in Education',
  level: 'micro-credential',
  issuer: 'National Centre',
  country: 'MN',
  eqfLevel: 6,
  assessmentType: 'Portfolio and observed lesson',
  participationForm: 'hybrid',
  qualityAssurance: 'Internal review by the national centre',
};

export interface ProgrammeFixture {
  programmeId: string;
  coreCourseIds: string[];
}

export async function makeProgramme(
  db: DataSource,
  fields: Record<string, unknown> = {},
): Promise<ProgrammeFixture> {
  const coreCourseIds = (fields.core_course_ids as string[]) ?? [
    await makeCourse(db),
    await makeCourse(db),
    await makeCourse(db),
  ];
  const programmeId = await insert(db, 'programmes', {
    name: `Programme ${next()}`,
    starts_on: '2024-01-01',
    ends_on: '2026-12-31',
    core_course_ids: coreCourseIds,
    pass_mark: 60,
    credential: MICRO_CREDENTIAL,
    status: 'active',
    ...fields,
  });
  return { programmeId, coreCourseIds };
}

export async function makeMasterTeacher(
  db: DataSource,
  programmeId: string,
  personId?: string,
): Promise<string> {
  const person = personId ?? (await makePerson(db));
  await insert(db, 'master_teachers', {
    programme_id: programmeId,
    person_id: person,
    trained_on: '2024-01-15',
  });
  return person;
}

export async function makeRound(db: DataSource, programmeId: string, number = 1): Promise<string> {
  return insert(db, 'cascade_rounds', {
    programme_id: programmeId,
    number,
    name: `Round ${number}`,
    starts_on: '2024-02-01',
    ends_on: '2026-06-30',
    target_participants: 100,
  });
}

export async function makeCohort(
  db: DataSource,
  fields: { programmeId: string; roundId: string; leadTrainerId: string; courseIds: string[] } & Record<
    string,
    unknown
  >,
): Promise<string> {
  const { programmeId, roundId, leadTrainerId, courseIds, ...rest } = fields;
  return insert(db, 'cohorts', {
    programme_id: programmeId,
    round_id: roundId,
    name: `Cohort ${next()}`,
    region_id: await regionId(db),
    lead_trainer_id: leadTrainerId,
    course_ids: courseIds,
    delivery_mode: 'hybrid',
    language: 'mn',
    capacity: 30,
    starts_on: '2024-03-01',
    ends_on: '2024-06-30',
    ...rest,
  });
}

export async function makeEnrolment(
  db: DataSource,
  cohortId: string,
  personId: string,
  status = 'enrolled',
): Promise<string> {
  return insert(db, 'enrolments', {
    cohort_id: cohortId,
    person_id: personId,
    status,
    enrolled_on: '2024-03-01',
  });
}

export async function makeCompletion(
  db: DataSource,
  enrolmentId: string,
  courseId: string,
  score: number | null = 80,
): Promise<string> {
  return insert(db, 'course_completions', {
    enrolment_id: enrolmentId,
    course_id: courseId,
    completed_on: '2024-06-01',
    score,
  });
}

export const uuid = () => randomUUID();
