import { TrainersService } from '@cascade/cascade';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

describe('who may train in a programme', () => {
  let t: TestApp;
  let trainers: TrainersService;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    trainers = t.app.get(TrainersService);
  });
  afterAll(() => t.close());

  it('accepts a master teacher and a person who completed every core course in an earlier round only', async () => {
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    const master = await makeMasterTeacher(t.db, programmeId);
    const round1 = await makeRound(t.db, programmeId, 1);
    const cohort = await makeCohort(t.db, {
      programmeId,
      roundId: round1,
      leadTrainerId: master,
      courseIds: coreCourseIds,
    });
    const graduate = await makePerson(t.db);
    const partial = await makePerson(t.db);
    const graduateEnrolment = await makeEnrolment(t.db, cohort, graduate);
    for (const course of coreCourseIds) await makeCompletion(t.db, graduateEnrolment, course);
    await makeCompletion(t.db, await makeEnrolment(t.db, cohort, partial), coreCourseIds[0]);

    await expect(trainers.isTrainer(programmeId, master, 1)).resolves.toBe(true);
    await expect(trainers.isTrainer(programmeId, graduate, 2)).resolves.toBe(true);
    await expect(trainers.isTrainer(programmeId, graduate, 1)).resolves.toBe(false);
    await expect(trainers.isTrainer(programmeId, graduate)).resolves.toBe(true);
    await expect(trainers.isTrainer(programmeId, partial, 2)).resolves.toBe(false);
    await expect(trainers.isTrainer(programmeId, await makePerson(t.db))).resolves.toBe(false);
  });
});
