import { randomBytes } from 'crypto';
import * as argon2 from 'argon2';
import { QueryRunner } from 'typeorm';
import { DEMO_PASSWORD } from '../../libs/platform/src/config/demo';
import { followRecordsOfProgramme } from '../../libs/cascade/src/enrolments/enrolment-status';
import * as programme from './programme.sql';
import * as reference from './reference.sql';
import { SHAPE } from './shape';
import {
  ADOPTION_DESCRIPTIONS,
  CORE_COURSES,
  DISCIPLINES,
  FATHER_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  INSTITUTIONS,
  MENTORING_TOPICS,
  REGION_CODES,
} from './vocabulary';

export interface GenerateOptions {
  scale: number;
  programmeName: string;
  /** The user recorded as verifier of AI-adoption evidence (a coordinator). */
  verifierId: string;
  log: (line: string) => void;
}

export interface GeneratedProgramme {
  programmeId: string;
  masterTeacherPersonId: string;
  steps: { step: string; ms: number }[];
}

/**
 * One programme with the real one's proportions times `scale`, in one transaction of set-based
 * statements (INSERT … SELECT over generate_series): the statement count does not grow with scale.
 */
export async function generateProgramme(
  runner: QueryRunner,
  options: GenerateOptions,
): Promise<GeneratedProgramme> {
  const { scale } = options;
  const steps: { step: string; ms: number }[] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    steps.push({ step: name, ms: Date.now() - started });
    options.log(`  ${name}: ${Date.now() - started} ms`);
    return result;
  };
  const tag = `s${scale}${randomBytes(3).toString('hex')}`;

  await runner.query(`SET LOCAL work_mem = '256MB'`);
  await step('plan', async () => {
    await runner.query(reference.REGIONS_SQL, [REGION_CODES]);
    await runner.query(reference.INSTITUTIONS_PLAN_SQL, [
      scale,
      INSTITUTIONS.map((i) => i[0]),
      INSTITUTIONS.map((i) => i[1]),
      INSTITUTIONS.map((i) => i[2]),
      INSTITUTIONS.map((i) => i[3]),
    ]);
    await runner.query(reference.MASTER_TEACHERS_PLAN_SQL, [scale]);
    await runner.query(reference.PARTICIPANTS_PLAN_SQL, [
      scale,
      SHAPE.generation2,
      SHAPE.cohortSize,
      SHAPE.round2Cohorts,
      SHAPE.completers,
      SHAPE.certified,
      SHAPE.revoked,
      SHAPE.participants,
      SHAPE.rankMultiplier,
    ]);
    await runner.query(reference.PARTICIPANTS_INDEX_SQL);
    await runner.query(programme.COHORTS_PLAN_SQL, [SHAPE.round1Cohorts, SHAPE.round2Cohorts]);
    await runner.query(programme.COHORTS_INDEX_SQL);
    await runner.query(`ANALYZE gen_participants, gen_cohorts, gen_institutions, gen_masters`);
  });
  await step('institutions', async () => {
    await runner.query(reference.INSTITUTIONS_INSERT_SQL);
    await runner.query(reference.INSTITUTIONS_REMAP_SQL);
  });
  const courseIds = await step('courses', async () => {
    const codes = CORE_COURSES.map((c) => c[0]);
    await runner.query(reference.COURSES_INSERT_SQL, [
      codes,
      CORE_COURSES.map((c) => c[1]),
      CORE_COURSES.map((c) => c[2]),
      CORE_COURSES.map((c) => c[3]),
    ]);
    const rows = (await runner.query(reference.COURSE_IDS_SQL, [codes])) as { id: string }[];
    return rows.map((r) => r.id);
  });
  await step('people', () =>
    runner.query(reference.PEOPLE_INSERT_SQL, [
      GIVEN_NAMES_FEMALE,
      GIVEN_NAMES_MALE,
      FATHER_NAMES,
      DISCIPLINES,
      tag,
      options.scale * SHAPE.participants,
    ]),
  );
  const programmeId = await step('programme, master teachers, rounds', async () => {
    const [{ id }] = (await runner.query(programme.PROGRAMME_SQL, [
      options.programmeName,
      courseIds,
      SHAPE.passMark,
    ])) as {
      id: string;
    }[];
    await runner.query(programme.MASTER_TEACHERS_SQL, [id]);
    return id as string;
  });
  const rounds = (await runner.query(programme.ROUNDS_SQL, [programmeId, scale])) as {
    id: string;
    number: number;
  }[];
  const roundIds = rounds.sort((a, b) => a.number - b.number).map((r) => r.id);
  await step('cohorts', () => runner.query(programme.COHORTS_SQL, [programmeId, roundIds, courseIds]));
  await step('enrolments', async () => {
    await runner.query(programme.ENROLMENTS_PLAN_SQL);
    await runner.query(programme.ENROLMENTS_INDEX_SQL);
    await runner.query(`ANALYZE gen_enrolments`);
    await runner.query(programme.ENROLMENTS_SQL);
  });
  await step('completions', async () => {
    await runner.query(programme.COMPLETIONS_SQL, [courseIds]);
    // Statuses follow the records, by the same rule as the API (withdrawals stay).
    await followRecordsOfProgramme(runner.manager, programmeId);
  });
  await step('certifications', () => runner.query(programme.CERTIFICATIONS_SQL, [programmeId]));
  await step('ai adoptions', () =>
    runner.query(programme.AI_ADOPTIONS_SQL, [
      programmeId,
      options.verifierId,
      ADOPTION_DESCRIPTIONS,
      SHAPE.adopterMultiplier,
      SHAPE.completers,
      SHAPE.aiAdopters,
      SHAPE.unverifiedOnly,
      SHAPE.verifiedNonCompleters,
    ]),
  );
  await step('mentoring', async () => {
    await runner.query(programme.MENTORING_ASSIGNMENTS_PLAN_SQL);
    await runner.query(programme.MENTORING_ASSIGNMENTS_INSERT_SQL, [programmeId]);
    await runner.query(programme.MENTORING_SESSIONS_SQL, [tag, MENTORING_TOPICS]);
  });
  const [master] = (await runner.query(`SELECT id FROM gen_masters WHERE block = 0 AND m = 0`)) as {
    id: string;
  }[];
  return { programmeId, masterTeacherPersonId: master.id, steps };
}

export { DEMO_PASSWORD };

/**
 * The coordinator who verifies evidence. With demo users it (and the master teacher and viewer)
 * can log in with DEMO_PASSWORD; otherwise its password is random and unknown.
 */
export async function ensureCoordinator(runner: QueryRunner, demo: boolean): Promise<string> {
  const hash = await argon2.hash(demo ? DEMO_PASSWORD : randomBytes(24).toString('hex'));
  const [row] = (await runner.query(
    `INSERT INTO users (email, password_hash, role) VALUES ('coordinator@cascade.local', $1, 'coordinator')
     ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = CASE WHEN $2 THEN EXCLUDED.password_hash ELSE users.password_hash END
     RETURNING id`,
    [hash, demo],
  )) as { id: string }[];
  return row.id;
}

/** master@cascade.local (linked to a master teacher's person) and viewer@cascade.local. */
export async function createDemoUsers(runner: QueryRunner, masterTeacherPersonId: string): Promise<void> {
  const hash = await argon2.hash(DEMO_PASSWORD);
  await runner.query(
    `INSERT INTO users (email, password_hash, role, person_id)
     VALUES ('master@cascade.local', $1, 'master_teacher', $2), ('viewer@cascade.local', $1, 'viewer', NULL)
     ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = EXCLUDED.password_hash, person_id = EXCLUDED.person_id`,
    [hash, masterTeacherPersonId],
  );
}
