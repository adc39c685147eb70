import { CertificationEvaluator } from '@cascade/cascade';
import { TestApp } from './support/app';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';
import { waitFor } from './support/wait';

export interface CertifiedProgramme {
  programmeId: string;
  coreCourseIds: string[];
  people: { personId: string; enrolmentId: string }[];
}

/** A programme whose `count` participants completed every core course with 80: each qualifies. */
export async function qualifiedProgramme(t: TestApp, count: number): Promise<CertifiedProgramme> {
  const { programmeId, coreCourseIds } = await makeProgramme(t.db);
  const master = await makeMasterTeacher(t.db, programmeId);
  const roundId = await makeRound(t.db, programmeId);
  const cohortId = await makeCohort(t.db, {
    programmeId,
    roundId,
    leadTrainerId: master,
    courseIds: coreCourseIds,
    capacity: Math.max(count, 1),
  });
  const people = [];
  for (let i = 0; i < count; i++) {
    const personId = await makePerson(t.db);
    const enrolmentId = await makeEnrolment(t.db, cohortId, personId);
    for (const courseId of coreCourseIds) await makeCompletion(t.db, enrolmentId, courseId, 80);
    people.push({ personId, enrolmentId });
  }
  return { programmeId, coreCourseIds, people };
}

/** Certifies everyone who qualifies (the certification job's own evaluation) and waits for their credentials. */
export async function certifyAndIssue(t: TestApp, programmeId: string, expected: number): Promise<void> {
  await t.app.get(CertificationEvaluator).evaluate(programmeId);
  await waitFor(
    'the credentials issued',
    async () => {
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM credentials WHERE programme_id = $1`,
        [programmeId],
      )) as { n: number }[];
      return n >= expected ? n : undefined;
    },
    60_000,
  );
}

export interface IssuedCredential {
  id: string;
  certificationId: string;
  number: string;
  personId: string;
  url: string;
  certificateUrl: string;
  verifyUrl: string;
  revoked: boolean;
}

export async function credentialsOf(t: TestApp, token: string, query: string): Promise<IssuedCredential[]> {
  const res = await t.http
    .get(`/api/v1/credentials?${query}&limit=100`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (res.body as { items: IssuedCredential[] }).items;
}
