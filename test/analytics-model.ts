import { expectedGenerations, Model } from './stats-model';

/**
 * The cascade analytics of a generated programme (test/stats-model.ts) computed straight from
 * docs/FIGURES.md "Cascade analytics", in TypeScript and by other means than the rollup's: sets
 * of people per scope, and a trainer's sub-tree by walking the graph of who trained whom.
 */
export interface ExpectedScopeAnalytics {
  enrolled: number;
  generationFunnel: Record<
    string,
    { participants: number; completers: number; certified: number; aiAdopters: number }
  >;
  targetParticipants: number | null;
  capacity: number | null;
  regionInstitutions: number | null;
  regionInstitutionsReached: number | null;
}

export interface ExpectedTrainer {
  masterTeacher: boolean;
  generation: number | null;
  cohorts: number;
  direct: { participants: number; completers: number; certified: number };
  downstream: { participants: number; completers: number; certified: number };
}

function facts(model: Model) {
  const personOf = new Map(model.enrolments.map((e) => [e.id, e.person]));
  const done = new Map<string, Set<string>>();
  for (const c of model.completions) {
    const person = personOf.get(c.enrolment)!;
    done.set(person, (done.get(person) ?? new Set()).add(c.course));
  }
  const completer = (p: string) => model.core.every((course) => done.get(p)?.has(course) ?? false);
  const certified = (p: string) => model.certifications.some((c) => c.person === p && !c.revoked);
  const aiAdopter = (p: string) => completer(p) && model.adoptions.some((a) => a.person === p && a.verified);
  return { completer, certified, aiAdopter };
}

/** Who is in each scope, and who holds a place there (an enrolment that is not withdrawn). */
function scopeMembers(model: Model): Map<string, { members: Set<string>; placed: Set<string> }> {
  const cohortOf = new Map(model.cohorts.map((c) => [c.id, c]));
  const institutionOf = new Map(model.people.map((p) => [p.id, p.institution]));
  const scopes = new Map<string, { members: Set<string>; placed: Set<string> }>();
  const add = (key: string, person: string, placed: boolean) => {
    const scope = scopes.get(key) ?? { members: new Set(), placed: new Set() };
    scope.members.add(person);
    if (placed) scope.placed.add(person);
    scopes.set(key, scope);
  };
  for (const e of model.enrolments) {
    const cohort = cohortOf.get(e.cohort)!;
    const placed = e.status !== 'withdrawn';
    add(`programme/${model.programmeId}`, e.person, placed);
    add(`institution/${institutionOf.get(e.person)}`, e.person, placed);
    add(`region/${cohort.region}`, e.person, placed);
    add(`round/${cohort.round}`, e.person, placed);
    add(`cohort/${cohort.id}`, e.person, placed);
  }
  return scopes;
}

/** "scope/scopeId" → the scope's analytics, for the scopes expectedFigures lists. */
export function expectedScopeAnalytics(
  model: Model,
  scopeKeys: Iterable<string>,
  regionInstitutions: Record<string, number>,
): Map<string, ExpectedScopeAnalytics> {
  const { completer, certified, aiAdopter } = facts(model);
  const generations = expectedGenerations(model);
  const members = scopeMembers(model);
  const institutionOf = new Map(model.people.map((p) => [p.id, p.institution]));
  const reached = new Set(model.enrolments.map((e) => institutionOf.get(e.person)!));
  const result = new Map<string, ExpectedScopeAnalytics>();
  for (const key of scopeKeys) {
    const [scope, id] = key.split('/');
    const scopeSet = members.get(key) ?? { members: new Set<string>(), placed: new Set<string>() };
    const generationFunnel: ExpectedScopeAnalytics['generationFunnel'] = {};
    for (const p of scopeSet.members) {
      const g = String(generations.get(p) ?? 'unknown');
      const row = (generationFunnel[g] ??= { participants: 0, completers: 0, certified: 0, aiAdopters: 0 });
      row.participants += 1;
      row.completers += completer(p) ? 1 : 0;
      row.certified += certified(p) ? 1 : 0;
      row.aiAdopters += aiAdopter(p) ? 1 : 0;
    }
    result.set(key, {
      enrolled: scopeSet.placed.size,
      generationFunnel,
      targetParticipants: scope === 'round' ? model.roundPlans[id].target : null,
      capacity: scope === 'cohort' ? model.cohorts.find((c) => c.id === id)!.capacity : null,
      regionInstitutions: scope === 'region' ? (regionInstitutions[id] ?? 0) : null,
      regionInstitutionsReached:
        scope === 'region' ? [...reached].filter((i) => model.institutionRegions[i] === id).length : null,
    });
  }
  return result;
}

/** trainer id → reach and outcome; the sub-tree found by a depth-first walk of who trained whom. */
export function expectedTrainers(model: Model): Map<string, ExpectedTrainer> {
  const { completer, certified } = facts(model);
  const generations = expectedGenerations(model);
  const leadOf = new Map(model.cohorts.map((c) => [c.id, c.lead]));
  const trained = new Map<string, Set<string>>();
  for (const e of model.enrolments) {
    const lead = leadOf.get(e.cohort)!;
    trained.set(lead, (trained.get(lead) ?? new Set()).add(e.person));
  }
  const outcome = (people: Set<string>) => ({
    participants: people.size,
    completers: [...people].filter(completer).length,
    certified: [...people].filter(certified).length,
  });
  const trainers = new Set([...model.cohorts.map((c) => c.lead), ...model.masters.map((m) => m.person)]);
  const result = new Map<string, ExpectedTrainer>();
  for (const trainer of trainers) {
    const direct = new Set([...(trained.get(trainer) ?? [])].filter((p) => p !== trainer));
    const seen = new Set<string>([trainer]);
    const stack = [trainer];
    while (stack.length > 0) {
      for (const p of trained.get(stack.pop()!) ?? []) {
        if (!seen.has(p)) {
          seen.add(p);
          stack.push(p);
        }
      }
    }
    seen.delete(trainer);
    result.set(trainer, {
      masterTeacher: model.masters.some((m) => m.person === trainer),
      generation: generations.get(trainer) ?? null,
      cohorts: model.cohorts.filter((c) => c.lead === trainer).length,
      direct: outcome(direct),
      downstream: outcome(seen),
    });
  }
  return result;
}
