import { randomUUID } from 'crypto';
import { Model } from './stats-model';

/**
 * The lineages issue 18 names, by hand:
 * - master M leads cohort A (round 1: T, X) and cohort B (round 2: Y);
 * - T, trained by M, leads cohort C (round 2: Y, Z, W) — Y is trained twice (by M and by T), so
 *   T has trainees in two generations (Y is generation 2 through M, Z and W generation 3);
 * - W withdrew from C; X's certificate was revoked; T holds one.
 * Core courses c0 and c1: T and Y complete both (Y one in B, one in C), X and Z only c0.
 * So M: direct {T, X, Y} = 3 participants, 2 completers, 1 certified; downstream {T, X, Y, Z, W}
 * = 5, 2, 1. T: direct and downstream {Y, Z, W} = 3, 1, 0.
 */
export function edgeCaseModel(regionIds: string[]): { model: Model; people: Record<string, string> } {
  const [r0, r1] = regionIds;
  const institutions = [randomUUID(), randomUUID()];
  const names = ['master', 'trainer', 'x', 'y', 'z', 'w'] as const;
  const people = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<
    (typeof names)[number],
    string
  >;
  const courses = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [round1, round2] = [randomUUID(), randomUUID()];
  const cohort = (round: string, region: string, lead: string) => ({
    id: randomUUID(),
    round,
    region,
    lead,
    courses: courses.slice(0, 2),
    capacity: 3,
  });
  const a = cohort(round1, r0, people.master);
  const b = cohort(round2, r0, people.master);
  const c = cohort(round2, r1, people.trainer);
  const enrol = (cohortId: string, person: string, status = 'active') => ({
    id: randomUUID(),
    cohort: cohortId,
    person,
    status,
  });
  const enrolments = [
    enrol(a.id, people.trainer, 'completed'),
    enrol(a.id, people.x),
    enrol(b.id, people.y),
    enrol(c.id, people.y),
    enrol(c.id, people.z),
    enrol(c.id, people.w, 'withdrawn'),
  ];
  const done = (enrolment: number, course: number) => ({
    enrolment: enrolments[enrolment].id,
    course: courses[course],
    score: 80,
  });
  const model: Model = {
    programmeId: randomUUID(),
    regions: [r0, r1],
    institutions,
    institutionRegions: { [institutions[0]]: r0, [institutions[1]]: r1 },
    people: names.map((n, i) => ({ id: people[n], institution: institutions[i % 2] })),
    courses,
    core: courses.slice(0, 2),
    masters: [{ person: people.master, regions: [r0] }],
    rounds: [round1, round2],
    roundPlans: { [round1]: { target: 4, regions: [r0] }, [round2]: { target: 10, regions: [r0, r1] } },
    cohorts: [a, b, c],
    enrolments,
    completions: [done(0, 0), done(0, 1), done(1, 0), done(2, 0), done(3, 1), done(4, 0)],
    certifications: [
      { person: people.trainer, revoked: false },
      { person: people.x, revoked: true },
    ],
    adoptions: [{ person: people.trainer, verified: true }],
    assignments: [],
    sessions: [],
  };
  return { model, people };
}

/**
 * Two master teachers: F leads 12 trainees of whom none completes, G leads 30 who all complete.
 * The programme's completion rate is 30 / 42; F's trainees are markedly below it, G's are not.
 */
export function flaggedModel(regionIds: string[]): { model: Model; people: Record<'f' | 'g', string> } {
  const institution = randomUUID();
  const f = randomUUID();
  const g = randomUUID();
  const trainees = Array.from({ length: 42 }, () => randomUUID());
  const courses = [randomUUID(), randomUUID()];
  const round = randomUUID();
  const cohortF = { id: randomUUID(), round, region: regionIds[0], lead: f, courses, capacity: 50 };
  const cohortG = { id: randomUUID(), round, region: regionIds[0], lead: g, courses, capacity: 50 };
  const enrolments = trainees.map((person, i) => ({
    id: randomUUID(),
    cohort: i < 12 ? cohortF.id : cohortG.id,
    person,
    status: 'active',
  }));
  const model: Model = {
    programmeId: randomUUID(),
    regions: [regionIds[0]],
    institutions: [institution],
    institutionRegions: { [institution]: regionIds[0] },
    people: [f, g, ...trainees].map((id) => ({ id, institution })),
    courses,
    core: courses,
    masters: [
      { person: f, regions: [] },
      { person: g, regions: [] },
    ],
    rounds: [round],
    roundPlans: { [round]: { target: 40, regions: [] } },
    cohorts: [cohortF, cohortG],
    enrolments,
    completions: enrolments
      .slice(12)
      .flatMap((e) => courses.map((course) => ({ enrolment: e.id, course, score: 90 }))),
    certifications: [],
    adoptions: [],
    assignments: [],
    sessions: [],
  };
  return { model, people: { f, g } };
}
