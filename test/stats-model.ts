import { randomUUID } from 'crypto';
import fc from 'fast-check';

/**
 * A small random programme as plain records, and an independent computation of its figures
 * straight from docs/FIGURES.md — no SQL, so the rollup is checked against another reading of
 * the same rules.
 */
export interface Model {
  programmeId: string;
  regions: string[];
  institutions: string[];
  /** institution id → its region. */
  institutionRegions: Record<string, string>;
  people: { id: string; institution: string }[];
  courses: string[];
  core: string[];
  masters: { person: string; regions: string[] }[];
  rounds: string[];
  /** round id → its target participants and planned regions. */
  roundPlans: Record<string, { target: number; regions: string[] }>;
  cohorts: { id: string; round: string; region: string; lead: string; courses: string[]; capacity: number }[];
  enrolments: { id: string; cohort: string; person: string; status: string }[];
  completions: { enrolment: string; course: string; score: number | null }[];
  certifications: { person: string; revoked: boolean }[];
  adoptions: { person: string; verified: boolean }[];
  assignments: { id: string; mentor: string; mentee: string; ended: boolean }[];
  sessions: { assignment: string; minutes: number }[];
}

const STATUSES = ['enrolled', 'active', 'completed', 'withdrawn'];

/** Index-based shape, turned into a Model with fresh ids (so runs never collide). */
export function modelArbitrary(regionIds: string[]): fc.Arbitrary<Model> {
  return fc
    .record({
      institutions: fc.integer({ min: 1, max: 4 }),
      people: fc.array(fc.nat(), { minLength: 3, maxLength: 24 }),
      coreCount: fc.integer({ min: 1, max: 3 }),
      masters: fc.array(fc.record({ person: fc.nat(), regions: fc.array(fc.nat(), { maxLength: 3 }) }), {
        minLength: 0,
        maxLength: 3,
      }),
      rounds: fc.integer({ min: 1, max: 3 }),
      roundPlans: fc.array(
        fc.record({ target: fc.nat({ max: 40 }), regions: fc.array(fc.nat(), { maxLength: 2 }) }),
        {
          minLength: 3,
          maxLength: 3,
        },
      ),
      cohorts: fc.array(
        fc.record({
          round: fc.nat(),
          region: fc.nat(),
          lead: fc.nat(),
          courses: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
          capacity: fc.integer({ min: 1, max: 40 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      enrolments: fc.array(fc.record({ cohort: fc.nat(), person: fc.nat(), status: fc.nat() }), {
        maxLength: 40,
      }),
      completions: fc.array(
        fc.record({
          enrolment: fc.nat(),
          course: fc.nat(),
          score: fc.option(fc.integer({ min: 0, max: 100 })),
        }),
        { maxLength: 60 },
      ),
      certifications: fc.array(fc.record({ person: fc.nat(), revoked: fc.boolean() }), { maxLength: 10 }),
      adoptions: fc.array(fc.record({ person: fc.nat(), verified: fc.boolean() }), { maxLength: 12 }),
      assignments: fc.array(fc.record({ mentor: fc.nat(), mentee: fc.nat(), ended: fc.boolean() }), {
        maxLength: 8,
      }),
      sessions: fc.array(fc.record({ assignment: fc.nat(), minutes: fc.integer({ min: 1, max: 600 }) }), {
        maxLength: 20,
      }),
    })
    .map((shape) => {
      const pick = <T>(items: T[], i: number): T => items[i % items.length];
      const regions = regionIds.slice(0, 4);
      const institutions = Array.from({ length: shape.institutions }, () => randomUUID());
      const institutionRegions = Object.fromEntries(institutions.map((id, i) => [id, pick(regions, i)]));
      const people = shape.people.map((i) => ({ id: randomUUID(), institution: pick(institutions, i) }));
      const courses = Array.from({ length: 4 }, () => randomUUID());
      const core = courses.slice(0, shape.coreCount);
      const masters = uniqueBy(
        shape.masters.map((m) => ({
          person: pick(people, m.person).id,
          regions: [...new Set(m.regions.map((r) => pick(regions, r)))],
        })),
        (m) => m.person,
      );
      const rounds = Array.from({ length: shape.rounds }, () => randomUUID());
      const roundPlans = Object.fromEntries(
        rounds.map((id, i) => [
          id,
          {
            target: shape.roundPlans[i].target,
            regions: [...new Set(shape.roundPlans[i].regions.map((r) => pick(regions, r)))],
          },
        ]),
      );
      const cohorts = shape.cohorts.map((c) => ({
        id: randomUUID(),
        round: pick(rounds, c.round),
        region: pick(regions, c.region),
        lead: pick(people, c.lead).id,
        courses: [...new Set(c.courses.map((i) => pick(courses, i)))],
        capacity: c.capacity,
      }));
      const enrolments = uniqueBy(
        shape.enrolments.map((e) => ({
          id: randomUUID(),
          cohort: pick(cohorts, e.cohort).id,
          person: pick(people, e.person).id,
          status: pick(STATUSES, e.status),
        })),
        (e) => `${e.cohort}/${e.person}`,
      );
      const completions =
        enrolments.length === 0
          ? []
          : uniqueBy(
              shape.completions.map((c) => {
                const enrolment = pick(enrolments, c.enrolment);
                const cohort = cohorts.find((x) => x.id === enrolment.cohort)!;
                return { enrolment: enrolment.id, course: pick(cohort.courses, c.course), score: c.score };
              }),
              (c) => `${c.enrolment}/${c.course}`,
            );
      // At most one certification in force per person; revoked ones may pile up.
      const certifications = uniqueBy(
        shape.certifications.map((c) => ({ person: pick(people, c.person).id, revoked: c.revoked })),
        (c, i) => (c.revoked ? `revoked-${i}` : c.person),
      );
      const adoptions = shape.adoptions.map((a) => ({
        person: pick(people, a.person).id,
        verified: a.verified,
      }));
      const assignments = uniqueBy(
        shape.assignments
          .map((a) => ({
            id: randomUUID(),
            mentor: pick(people, a.mentor).id,
            mentee: pick(people, a.mentee).id,
            ended: a.ended,
          }))
          .filter((a) => a.mentor !== a.mentee),
        (a, i) => (a.ended ? `ended-${i}` : a.mentee),
      );
      const sessions =
        assignments.length === 0
          ? []
          : shape.sessions.map((s) => ({
              assignment: pick(assignments, s.assignment).id,
              minutes: s.minutes,
            }));
      return {
        programmeId: randomUUID(),
        regions,
        institutions,
        institutionRegions,
        people,
        courses,
        core,
        masters,
        rounds,
        roundPlans,
        cohorts,
        enrolments,
        completions,
        certifications,
        adoptions,
        assignments,
        sessions,
      };
    });
}

function uniqueBy<T>(items: T[], key: (item: T, index: number) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item, i) => {
    const k = key(item, i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface ExpectedFigures {
  participants: number;
  institutions: number;
  masterTeachers: number;
  completers: number;
  certified: number;
  aiAdopters: number;
  mentoringSessions: number;
  mentoringMinutes: number;
  menteesMentored: number;
  byGeneration: Record<string, number>;
}

/** Generations by repeated relaxation (Bellman-Ford), not the rollup's breadth-first walk. */
export function expectedGenerations(model: Model): Map<string, number> {
  const generation = new Map<string, number>(model.masters.map((m) => [m.person, 1]));
  const leadOf = new Map(model.cohorts.map((c) => [c.id, c.lead]));
  for (let changed = true; changed;) {
    changed = false;
    for (const e of model.enrolments) {
      const lead = generation.get(leadOf.get(e.cohort)!);
      if (lead === undefined) continue;
      const current = generation.get(e.person);
      if (current === undefined || lead + 1 < current) {
        generation.set(e.person, lead + 1);
        changed = true;
      }
    }
  }
  return generation;
}

/** "scope/scopeId" → the figures docs/FIGURES.md asks for. */
export function expectedFigures(model: Model): Map<string, ExpectedFigures> {
  const cohortOf = new Map(model.cohorts.map((c) => [c.id, c]));
  const institutionOf = new Map(model.people.map((p) => [p.id, p.institution]));
  const participants = new Set(model.enrolments.map((e) => e.person));
  const doneCourses = new Map<string, Set<string>>();
  const enrolmentPerson = new Map(model.enrolments.map((e) => [e.id, e.person]));
  for (const c of model.completions) {
    if (!model.core.includes(c.course)) continue;
    const person = enrolmentPerson.get(c.enrolment)!;
    doneCourses.set(person, (doneCourses.get(person) ?? new Set()).add(c.course));
  }
  const completer = (p: string) => model.core.every((course) => doneCourses.get(p)?.has(course));
  const certified = (p: string) => model.certifications.some((c) => c.person === p && !c.revoked);
  const adopter = (p: string) => completer(p) && model.adoptions.some((a) => a.person === p && a.verified);
  const generations = expectedGenerations(model);
  const assignmentMentee = new Map(model.assignments.map((a) => [a.id, a.mentee]));
  const sessionsOf = (p: string) => model.sessions.filter((s) => assignmentMentee.get(s.assignment) === p);
  const isMaster = (p: string) => model.masters.some((m) => m.person === p);

  const figuresOf = (members: Set<string>, masterTeachers: number): ExpectedFigures => {
    const list = [...members];
    const byGeneration: Record<string, number> = {};
    for (const p of list) {
      const key = String(generations.get(p) ?? 'unknown');
      byGeneration[key] = (byGeneration[key] ?? 0) + 1;
    }
    const sessions = list.flatMap(sessionsOf);
    return {
      participants: list.length,
      institutions: new Set(list.map((p) => institutionOf.get(p))).size,
      masterTeachers,
      completers: list.filter(completer).length,
      certified: list.filter(certified).length,
      aiAdopters: list.filter(adopter).length,
      mentoringSessions: sessions.length,
      mentoringMinutes: sessions.reduce((sum, s) => sum + s.minutes, 0),
      menteesMentored: list.filter((p) => sessionsOf(p).length > 0).length,
      byGeneration,
    };
  };
  const membersWhere = (test: (cohort: Model['cohorts'][number]) => boolean) =>
    new Set(model.enrolments.filter((e) => test(cohortOf.get(e.cohort)!)).map((e) => e.person));

  const result = new Map<string, ExpectedFigures>();
  const programme = figuresOf(participants, model.masters.length);
  const allSessions = model.sessions;
  result.set(`programme/${model.programmeId}`, {
    ...programme,
    mentoringSessions: allSessions.length,
    mentoringMinutes: allSessions.reduce((sum, s) => sum + s.minutes, 0),
    menteesMentored: new Set(allSessions.map((s) => assignmentMentee.get(s.assignment))).size,
  });
  const regions = new Set([
    ...model.cohorts.map((c) => c.region),
    ...model.masters.flatMap((m) => m.regions),
    ...Object.values(model.roundPlans).flatMap((plan) => plan.regions),
    ...[...participants].map((p) => model.institutionRegions[institutionOf.get(p)!]),
  ]);
  for (const region of regions) {
    const masters = model.masters.filter((m) => m.regions.includes(region)).length;
    result.set(
      `region/${region}`,
      figuresOf(
        membersWhere((c) => c.region === region),
        masters,
      ),
    );
  }
  const institutions = new Set([
    ...[...participants].map((p) => institutionOf.get(p)!),
    ...model.masters.map((m) => institutionOf.get(m.person)!),
  ]);
  for (const institution of institutions) {
    const members = new Set([...participants].filter((p) => institutionOf.get(p) === institution));
    const masters = model.masters.filter((m) => institutionOf.get(m.person) === institution).length;
    result.set(`institution/${institution}`, figuresOf(members, masters));
  }
  for (const round of model.rounds) {
    const masters = new Set(
      model.cohorts.filter((c) => c.round === round && isMaster(c.lead)).map((c) => c.lead),
    ).size;
    result.set(
      `round/${round}`,
      figuresOf(
        membersWhere((c) => c.round === round),
        masters,
      ),
    );
  }
  for (const cohort of model.cohorts) {
    result.set(
      `cohort/${cohort.id}`,
      figuresOf(
        membersWhere((c) => c.id === cohort.id),
        isMaster(cohort.lead) ? 1 : 0,
      ),
    );
  }
  return result;
}
