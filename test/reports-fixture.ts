import { DataSource } from 'typeorm';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeInstitution,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
  regionId,
} from './support/factories';

export interface ReportFixture {
  programmeId: string;
  otherProgrammeId: string;
  otherCohort: string;
  cohortA: string;
  cohortB: string;
  /** The round both cohorts of the programme belong to. */
  roundId: string;
  lead: string;
  otherLead: string;
  coreCourseIds: string[];
  /** Core course codes, in the programme's order (the roster's score columns). */
  scoreColumns: string[];
}

/**
 * A small programme with what every report shows: Cyrillic names, a completer with an active
 * certificate and verified AI use, a revoked certificate, a withdrawal, mentoring with an
 * overdue mentee, in two regions.
 */
export async function buildReportFixture(db: DataSource): Promise<ReportFixture> {
  const { programmeId, coreCourseIds } = await makeProgramme(db, { name: 'AI in Education 2026' });
  const codes: { code: string }[] = await db.query(
    `SELECT co.code FROM unnest($1::uuid[]) WITH ORDINALITY k(id, n) JOIN courses co ON co.id = k.id ORDER BY k.n`,
    [coreCourseIds],
  );
  const darkhan = await regionId(db, 'MN-037');
  const college = await makeInstitution(db, {
    name: 'Darkhan Teachers College',
    name_mn: 'Дарханы багшийн коллеж',
    region_id: darkhan,
  });
  const lead = await makeMasterTeacher(
    db,
    programmeId,
    await makePerson(db, { full_name: 'Сарантуяа Мастер', institution_id: college }),
  );
  const otherLead = await makeMasterTeacher(
    db,
    programmeId,
    await makePerson(db, { full_name: 'Энхтуяа Мастер' }),
  );
  const round = await makeRound(db, programmeId, 1);
  const cohortA = await makeCohort(db, {
    programmeId,
    roundId: round,
    leadTrainerId: lead,
    courseIds: coreCourseIds,
    name: 'Darkhan-2',
    region_id: darkhan,
  });
  const cohortB = await makeCohort(db, {
    programmeId,
    roundId: round,
    leadTrainerId: otherLead,
    courseIds: coreCourseIds,
    name: 'Улаанбаатар-1',
  });

  const person = (full_name: string) => makePerson(db, { full_name, institution_id: college });
  const ann = await person('Бат-Эрдэнэ Оюунцэцэг');
  const bold = await person('Ганболд Төмөр');
  const cara = await person('Өлзий Үүрийнтуяа');
  const dan = await makePerson(db, { full_name: 'Дамдин Нямаа' });
  const eve = await makePerson(db, { full_name: 'Эрдэнэ Сүх' });

  const annEnrolment = await makeEnrolment(db, cohortA, ann, 'completed');
  for (const [i, score] of [80, 70.5, 90].entries())
    await makeCompletion(db, annEnrolment, coreCourseIds[i], score);
  await makeCompletion(db, await makeEnrolment(db, cohortA, bold, 'active'), coreCourseIds[0], null);
  await makeEnrolment(db, cohortA, cara, 'withdrawn');
  const danEnrolment = await makeEnrolment(db, cohortB, dan, 'active');
  await makeCompletion(db, danEnrolment, coreCourseIds[0], 65);
  await makeEnrolment(db, cohortB, eve);

  await db.query(
    `INSERT INTO certifications (programme_id, person_id, number, issued_on, revoked_on, revocation_reason) VALUES
       ($1, $2, 'MC-2026-000001', '2025-06-01', NULL, NULL),
       ($1, $3, 'MC-2026-000002', '2025-06-02', '2026-01-10', 'Оноо хангалтгүй')`,
    [programmeId, ann, bold],
  );
  const [{ id: verifier }] = await db.query(
    `INSERT INTO users (email, password_hash, role) VALUES ($1, 'x', 'coordinator') RETURNING id`,
    [`verifier-${Date.now()}@test.local`],
  );
  await db.query(
    `INSERT INTO ai_adoptions (person_id, programme_id, observed_on, kind, description, verified_by, verified_on) VALUES
       ($2, $1, '2025-09-01', 'instruction', 'Хичээлдээ ChatGPT ашигладаг', $4, '2025-09-10'),
       ($3, $1, '2025-09-01', 'assessment', 'Unverified claim', NULL, NULL)`,
    [programmeId, ann, bold, verifier],
  );

  const assign = async (mentor: string, mentee: string): Promise<string> => {
    const [{ id }] = await db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on) VALUES ($1, $2, $3, '2024-03-01') RETURNING id`,
      [programmeId, mentor, mentee],
    );
    return id as string;
  };
  const session = (assignment: string, daysAgo: number, minutes: number, ref: string) =>
    db.query(
      `INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, client_ref)
       VALUES ($1, now() - make_interval(days => $2), $3, 'online', $4)`,
      [assignment, daysAgo, minutes, `${ref}-${Date.now()}`],
    );
  const annMentoring = await assign(lead, ann);
  await session(annMentoring, 5, 60, 'ann-1');
  await session(annMentoring, 40, 90, 'ann-2');
  await assign(lead, bold); // no session in 30 days: overdue
  await session(await assign(otherLead, dan), 100, 30, 'dan-1'); // last session 100 days ago: overdue

  const other = await makeProgramme(db, { name: 'Another programme' });
  const otherMaster = await makeMasterTeacher(db, other.programmeId);
  const otherCohort = await makeCohort(db, {
    programmeId: other.programmeId,
    roundId: await makeRound(db, other.programmeId, 1),
    leadTrainerId: otherMaster,
    courseIds: other.coreCourseIds,
  });

  return {
    programmeId,
    otherProgrammeId: other.programmeId,
    otherCohort,
    cohortA,
    cohortB,
    roundId: round,
    lead,
    otherLead,
    coreCourseIds,
    scoreColumns: codes.map((c) => c.code),
  };
}
