import { RollupService, StatsJobsModule, StatsService } from '@cascade/stats';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
  regionId,
} from './support/factories';

const ROLLUPS = 20;
const READERS = 3;

/**
 * Every rollup commits a new snapshot and prunes the previous one of the same day. A reader that
 * took the latest snapshot's id and then read its figures in a second statement saw "not found"
 * or an empty breakdown whenever a rollup committed in between; these readers spin while
 * rollups commit and must always see one whole snapshot.
 */
describe('stats reads while rollups replace the snapshot', () => {
  let t: TestApp;
  let programmeId: string;
  let stats: StatsService;
  let rollups: RollupService;
  const regionCodes = ['MN-1', 'MN-073', 'MN-049'];

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ imports: [StatsJobsModule] });
    stats = t.app.get(StatsService);
    rollups = t.app.get(RollupService);
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    const roundId = await makeRound(t.db, programmeId);
    const trainer = await makeMasterTeacher(t.db, programmeId);
    for (const code of regionCodes) {
      const cohortId = await makeCohort(t.db, {
        programmeId,
        roundId,
        leadTrainerId: trainer,
        courseIds: programme.coreCourseIds,
        region_id: await regionId(t.db, code),
      });
      for (let i = 0; i < 3; i++) await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    }
    await rollups.rollup(programmeId);
  });
  afterAll(() => t.close());

  it('never answers 404 or an empty breakdown, in the service, the API or a report', async () => {
    const failures: string[] = [];
    let rolling = true;
    let reads = 0;
    const coordinator = await t.tokenFor('coordinator');

    const reader = async (n: number) => {
      while (rolling) {
        reads++;
        try {
          if (n === 0) {
            const res = await t.http
              .get(`/api/v1/programmes/${programmeId}/stats?scope=region`)
              .set('Authorization', `Bearer ${coordinator}`);
            if (res.status !== 200) failures.push(`GET ?scope=region: ${res.status}`);
            else if (res.body.items.length !== regionCodes.length) failures.push('GET ?scope=region: empty');
            continue;
          }
          const figures = await stats.figures(programmeId);
          if (figures.participants !== 9) failures.push(`figures: ${figures.participants} participants`);
          const regions = await stats.breakdownView(programmeId, 'region');
          if (regions.items.length !== regionCodes.length) failures.push('breakdown: empty');
          const report = await stats.report(programmeId);
          if (report.regions.length !== regionCodes.length || report.figures.participants !== 9) {
            failures.push('report: incomplete');
          }
        } catch (error) {
          failures.push(`reader ${n}: ${(error as Error).message}`);
        }
      }
    };

    const readers = Array.from({ length: READERS }, (_, n) => reader(n));
    try {
      for (let i = 0; i < ROLLUPS; i++) await rollups.rollup(programmeId);
    } finally {
      rolling = false;
      await Promise.all(readers);
    }

    expect(reads).toBeGreaterThan(ROLLUPS);
    expect(failures).toEqual([]);
    // Pruning still happened: today keeps one snapshot.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM stats_snapshots WHERE programme_id = $1`,
      [programmeId],
    );
    expect(n).toBe(1);
  });
});
