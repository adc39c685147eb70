import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import fc from 'fast-check';
import { CERTIFICATION_NUMBER, CertificationEvaluator, decideCertification } from '@cascade/cascade';
import { redisOptions } from '@cascade/platform';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeCourse,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';
import { waitFor } from './support/wait';

interface Certification {
  id: string;
  number: string;
  issuedOn: string;
  revoked: boolean;
  revokedOn: string | null;
  revocationReason: string | null;
  blocksReissue: boolean;
}

describe('certification through the real queue', () => {
  let t: TestApp;
  let staff: string;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    staff = await t.tokenFor('coordinator');
    queue = t.app.get<Queue>(getQueueToken('certification'));
    events = new QueueEvents('certification', {
      connection: redisOptions(process.env.REDIS_URL!),
      prefix: process.env.REDIS_PREFIX,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await t.close();
  });

  const as = (token: string) => ({
    get: (url: string) => t.http.get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http.post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http.patch(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** A programme (3 core courses, pass mark 60), one cohort and one enrolled person. */
  async function participant() {
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    const master = await makeMasterTeacher(t.db, programmeId);
    const roundId = await makeRound(t.db, programmeId, 1);
    const cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: master,
      courseIds: coreCourseIds,
    });
    const personId = await makePerson(t.db);
    const enrolmentId = await makeEnrolment(t.db, cohortId, personId);
    return { programmeId, coreCourseIds, master, cohortId, personId, enrolmentId };
  }

  const certificationsOf = async (programmeId: string, personId: string): Promise<Certification[]> =>
    (await as(staff).get(`/programmes/${programmeId}/certifications?personId=${personId}`).expect(200)).body
      .items;
  const active = (list: Certification[]) => list.find((c) => !c.revoked);

  async function completeAll(enrolmentId: string, courses: string[], scores: number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, courseId] of courses.entries()) {
      const res = await as(staff)
        .post(`/enrolments/${enrolmentId}/completions`, {
          courseId,
          completedOn: '2024-06-01',
          score: scores[i],
        })
        .expect(201);
      ids.push(res.body.id);
    }
    return ids;
  }

  async function runEvaluation(programmeId: string, personIds?: string[]): Promise<void> {
    const job = await queue.add('evaluate', personIds ? { programmeId, personIds } : { programmeId });
    await job.waitUntilFinished(events, 20000);
  }

  it('issues a numbered certification once every core course is completed above the pass mark, and revokes it when a score is corrected below', async () => {
    const p = await participant();
    const completionIds = await completeAll(p.enrolmentId, p.coreCourseIds, [70, 80, 90]);

    const issued = await waitFor(
      'an active certification',
      async () => active(await certificationsOf(p.programmeId, p.personId)),
      20_000,
    );
    expect(issued.number).toMatch(CERTIFICATION_NUMBER);
    expect(issued.number.startsWith(`MC-${new Date().getFullYear()}-`)).toBe(true);

    await as(staff)
      .patch(`/enrolments/${p.enrolmentId}/completions/${completionIds[0]}`, { score: 0 })
      .expect(200);

    const revoked = await waitFor(
      'the certification revoked',
      async () =>
        (await certificationsOf(p.programmeId, p.personId)).find((c) => c.id === issued.id && c.revoked),
      20_000,
    );
    expect(revoked.revocationReason).toBe(
      'automatic: mean core-course score 56.67 is below the pass mark 60',
    );
    expect(revoked.blocksReissue).toBe(false);
    const [audit] = await t.db.query(
      `SELECT actor_email FROM audit_events WHERE entity = 'certifications' AND entity_id = $1 AND action = 'certification.revoke'`,
      [issued.id],
    );
    expect(audit.actor_email).toBe('system');

    // An automatic revocation does not block: a corrected score earns a new certification.
    await as(staff)
      .patch(`/enrolments/${p.enrolmentId}/completions/${completionIds[0]}`, { score: 95 })
      .expect(200);
    const reissued = await waitFor(
      'an active certification again',
      async () => active(await certificationsOf(p.programmeId, p.personId)),
      20_000,
    );
    expect(reissued.number).not.toBe(issued.number);
  });

  it('issues nothing while a core course is missing', async () => {
    const p = await participant();
    await completeAll(p.enrolmentId, p.coreCourseIds.slice(0, 2), [100, 100]);
    await runEvaluation(p.programmeId);
    await expect(certificationsOf(p.programmeId, p.personId)).resolves.toEqual([]);
  });

  it('re-derives an evaluation Redis lost: the sweep evaluates every programme whose records moved', async () => {
    const p = await participant();
    // Completions committed with the figures marked dirty, but no evaluate job (as if Redis lost it).
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 85);
    await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1::uuid])`, [p.programmeId]);

    const sweep = await queue.add('sweep', {});
    const result = (await sweep.waitUntilFinished(events, 20000)) as { requested: string[] };
    expect(result.requested).toContain(p.programmeId);
    const issued = await waitFor(
      'an active certification',
      async () => active(await certificationsOf(p.programmeId, p.personId)),
      20_000,
    );
    expect(issued.number).toMatch(CERTIFICATION_NUMBER);

    // Once evaluated (and evaluated again after its own change), the programme is no longer due.
    await waitFor(
      'the programme no longer due for evaluation',
      async () => {
        const again = await queue.add('sweep', {});
        const { requested } = (await again.waitUntilFinished(events, 20000)) as { requested: string[] };
        return requested.includes(p.programmeId) ? undefined : true;
      },
      20_000,
    );
  });

  it('evaluates the people the marks name, not the whole programme, after a write whose request Redis lost', async () => {
    const p = await participant();
    await runEvaluation(p.programmeId); // whole: takes the marks of the programme's set-up
    const wholeEvaluatedAt = async () =>
      (
        (await t.db.query(`SELECT evaluated_at FROM certification_evaluation_state WHERE programme_id = $1`, [
          p.programmeId,
        ])) as { evaluated_at: Date }[]
      )[0].evaluated_at;
    const whole = await wholeEvaluatedAt();
    // Completions committed with their people marked, but no evaluate job.
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 85);

    const sweep = await queue.add('sweep', {});
    const { requested } = (await sweep.waitUntilFinished(events, 20000)) as { requested: string[] };
    expect(requested).toContain(p.programmeId);
    await waitFor(
      'an active certification',
      async () => active(await certificationsOf(p.programmeId, p.personId)),
      20_000,
    );
    await waitFor(
      'the programme no longer due for evaluation',
      async () => {
        const again = await queue.add('sweep', {});
        const due = (await again.waitUntilFinished(events, 20000)) as { requested: string[] };
        return due.requested.includes(p.programmeId) ? undefined : true;
      },
      20_000,
    );
    expect(await wholeEvaluatedAt()).toEqual(whole);
  });

  it('revokes every certification a raised pass mark no longer supports', async () => {
    const p = await participant();
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 80);
    await runEvaluation(p.programmeId);
    expect(active(await certificationsOf(p.programmeId, p.personId))).toBeDefined();

    await as(staff).patch(`/programmes/${p.programmeId}`, { passMark: 85 }).expect(200);
    const revoked = await waitFor(
      'a revoked certification',
      async () => (await certificationsOf(p.programmeId, p.personId)).find((c) => c.revoked),
      20_000,
    );
    expect(revoked.revocationReason).toBe('automatic: mean core-course score 80 is below the pass mark 85');
  });

  it('revokes a certification when a core course is added that the holder has not completed', async () => {
    const p = await participant();
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 80);
    await runEvaluation(p.programmeId);
    expect(active(await certificationsOf(p.programmeId, p.personId))).toBeDefined();

    const extra = await makeCourse(t.db);
    await as(staff)
      .patch(`/programmes/${p.programmeId}`, { coreCourseIds: [...p.coreCourseIds, extra] })
      .expect(200);
    const revoked = await waitFor(
      'a revoked certification',
      async () => (await certificationsOf(p.programmeId, p.personId)).find((c) => c.revoked),
      20_000,
    );
    expect(revoked.revocationReason).toBe('automatic: completed 3 of the 4 core courses');
  });

  it('keeps a certification revoked by hand revoked until a coordinator asks for an evaluation again', async () => {
    const p = await participant();
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 90);
    const outcome = await as(staff)
      .post(`/programmes/${p.programmeId}/certifications`, { personId: p.personId })
      .expect(200);
    expect(outcome.body).toMatchObject({
      qualifies: true,
      change: 'issued',
      score: 90,
      completedCoreCourses: 3,
      coreCourses: 3,
    });
    const certificationId = outcome.body.certification.id as string;

    const viewer = await t.tokenFor('viewer');
    await as(viewer)
      .post(`/certifications/${certificationId}/revoke`, { reason: 'plagiarised assessment' })
      .expect(403);
    const revoked = await as(staff)
      .post(`/certifications/${certificationId}/revoke`, { reason: 'plagiarised assessment' })
      .expect(200);
    expect(revoked.body).toMatchObject({
      revoked: true,
      revocationReason: 'plagiarised assessment',
      blocksReissue: true,
    });
    await as(staff).post(`/certifications/${certificationId}/revoke`, { reason: 'again' }).expect(409);

    await runEvaluation(p.programmeId);
    expect(active(await certificationsOf(p.programmeId, p.personId))).toBeUndefined();

    const again = await as(staff)
      .post(`/programmes/${p.programmeId}/certifications`, { personId: p.personId })
      .expect(200);
    expect(again.body.change).toBe('issued');
    expect(again.body.certification.number).toMatch(CERTIFICATION_NUMBER);
  });

  it('issues exactly one certification when evaluations run concurrently', async () => {
    const p = await participant();
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 75);
    const evaluator = t.app.get(CertificationEvaluator);
    await Promise.all(Array.from({ length: 5 }, () => evaluator.evaluate(p.programmeId)));
    const list = await certificationsOf(p.programmeId, p.personId);
    expect(list).toHaveLength(1);
    expect(list[0].revoked).toBe(false);
  });

  it('shows a master teacher only the certifications of people in their cohorts', async () => {
    const p = await participant();
    for (const course of p.coreCourseIds) await makeCompletion(t.db, p.enrolmentId, course, 90);
    const otherMaster = await makeMasterTeacher(t.db, p.programmeId);
    const roundId = await makeRound(t.db, p.programmeId, 2);
    const otherCohort = await makeCohort(t.db, {
      programmeId: p.programmeId,
      roundId,
      leadTrainerId: otherMaster,
      courseIds: p.coreCourseIds,
    });
    const outsider = await makePerson(t.db);
    const outsiderEnrolment = await makeEnrolment(t.db, otherCohort, outsider);
    for (const course of p.coreCourseIds) await makeCompletion(t.db, outsiderEnrolment, course, 90);
    await runEvaluation(p.programmeId);

    const mine = await as(await t.tokenFor('master_teacher', p.master))
      .get(`/programmes/${p.programmeId}/certifications`)
      .expect(200);
    expect(mine.body.items.map((c: { personId: string }) => c.personId)).toEqual([p.personId]);
    const all = await as(await t.tokenFor('viewer'))
      .get(`/programmes/${p.programmeId}/certifications?active=true`)
      .expect(200);
    expect(all.body.total).toBe(2);
  });

  it('matches the pure certification rule for any completions and scores', async () => {
    const p = await participant();
    const roundId = await makeRound(t.db, p.programmeId, 2);
    const second = await makeCohort(t.db, {
      programmeId: p.programmeId,
      roundId,
      leadTrainerId: p.master,
      courseIds: p.coreCourseIds,
    });
    const evaluator = t.app.get(CertificationEvaluator);
    const score = fc.option(
      fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
      { nil: null },
    );
    const completion = fc.record({
      course: fc.integer({ min: 0, max: 2 }),
      cohort: fc.integer({ min: 0, max: 1 }),
      score,
    });

    await fc.assert(
      fc.asyncProperty(fc.array(completion, { maxLength: 6 }), async (completions) => {
        const personId = await makePerson(t.db);
        const enrolments = [
          await makeEnrolment(t.db, p.cohortId, personId),
          await makeEnrolment(t.db, second, personId, 'withdrawn'),
        ];
        const seen = new Set<string>();
        const recorded: Array<{ courseId: string; score: number | null }> = [];
        for (const c of completions) {
          const key = `${c.cohort}-${c.course}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await makeCompletion(t.db, enrolments[c.cohort], p.coreCourseIds[c.course], c.score);
          recorded.push({ courseId: p.coreCourseIds[c.course], score: c.score });
        }
        await evaluator.evaluate(p.programmeId, [personId]);
        const expected = decideCertification({ coreCourseIds: p.coreCourseIds, passMark: 60 }, recorded);
        const [{ holds }] = await t.db.query(
          `SELECT EXISTS (SELECT 1 FROM certifications WHERE programme_id = $1 AND person_id = $2 AND revoked_on IS NULL) AS holds`,
          [p.programmeId, personId],
        );
        expect(holds).toBe(expected.qualifies);
      }),
      { numRuns: 25 },
    );
  });

  describe('AI-adoption evidence', () => {
    let p: Awaited<ReturnType<typeof participant>>;
    let masterToken: string;
    const evidence = (personId: string, programmeId: string) => ({
      personId,
      programmeId,
      observedOn: '2024-09-01',
      kind: 'assessment',
      description: 'Builds formative quizzes with an AI assistant',
      evidenceUrl: 'https://example.mn/quiz.pdf',
    });

    beforeAll(async () => {
      p = await participant();
      masterToken = await t.tokenFor('master_teacher', p.master);
    });

    it('is recorded by the lead trainer and counts only once verified, once', async () => {
      const recorded = await as(masterToken)
        .post('/ai-adoptions', evidence(p.personId, p.programmeId))
        .expect(201);
      expect(recorded.body).toMatchObject({ verified: false, verifiedBy: null, kind: 'assessment' });
      const unverified = await as(staff)
        .get(`/ai-adoptions?programmeId=${p.programmeId}&verified=false`)
        .expect(200);
      expect(unverified.body.total).toBe(1);

      const verified = await as(masterToken).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(200);
      expect(verified.body.verified).toBe(true);
      expect(verified.body.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await as(staff).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(409);
      const list = await as(staff).get(`/ai-adoptions?personId=${p.personId}&verified=true`).expect(200);
      expect(list.body.total).toBe(1);
    });

    it('may be verified by the person’s mentor', async () => {
      const mentor = await makeMasterTeacher(t.db, p.programmeId);
      const mentee = await makePerson(t.db);
      await makeEnrolment(t.db, p.cohortId, mentee);
      await t.db.query(
        `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on) VALUES ($1, $2, $3, '2024-07-01')`,
        [p.programmeId, mentor, mentee],
      );
      const recorded = await as(staff).post('/ai-adoptions', evidence(mentee, p.programmeId)).expect(201);
      const mentorToken = await t.tokenFor('master_teacher', mentor);
      await as(mentorToken).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(200);
    });

    it('refuses a master teacher who neither leads nor mentors the person with 403, and a viewer', async () => {
      const recorded = await as(staff).post('/ai-adoptions', evidence(p.personId, p.programmeId)).expect(201);
      const stranger = await t.tokenFor('master_teacher', await makeMasterTeacher(t.db, p.programmeId));
      await as(stranger).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(403);
      await as(stranger).post('/ai-adoptions', evidence(p.personId, p.programmeId)).expect(403);
      const viewer = await t.tokenFor('viewer');
      await as(viewer).post('/ai-adoptions', evidence(p.personId, p.programmeId)).expect(403);
      await as(viewer).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(403);
    });

    it('refuses evidence for a person who takes no part in the programme with 400 naming personId', async () => {
      const res = await as(staff)
        .post('/ai-adoptions', evidence(await makePerson(t.db), p.programmeId))
        .expect(400);
      expect(res.body.message).toMatch(/^personId: .* takes no part in programme/);
    });
  });
});
