import { api, asPage, paging, type Schemas, unwrap } from '../../../api/client';
import { useCachedQuery } from '../../../offline/cachedQuery';
import { Completion, Enrolment, loadCompletions, loadRoster } from '../../cohorts/useCohort';
import type { Course } from '../../reference/useReference';

export type Cohort = Schemas['CohortView'];

/** A cohort the master teacher leads, with everything its page shows, so it opens offline. */
export interface FieldCohort {
  cohort: Cohort;
  courses: Course[];
  roster: Enrolment[];
  completions: Completion[];
}

/**
 * The cohorts the master teacher leads (the API lists no others to them), each with its roster,
 * completions and courses: one answer kept on the device, so every cohort page opens offline.
 */
export function useMyCohorts() {
  return useCachedQuery(['me', 'cohorts'], loadMyCohorts);
}

async function loadMyCohorts(): Promise<FieldCohort[]> {
  const cohorts = asPage<Cohort>(
    await unwrap(api.GET('/api/v1/cohorts', { params: { query: paging(0, 100) } })),
  ).items;
  const courses = new Map<string, Course>();
  await Promise.all(
    [...new Set(cohorts.flatMap((c) => c.courseIds))].map(async (id) =>
      courses.set(id, await unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } }))),
    ),
  );
  return Promise.all(
    cohorts.map(async (cohort) => ({
      cohort,
      courses: cohort.courseIds.flatMap((id) => courses.get(id) ?? []),
      roster: await loadRoster(cohort.id),
      completions: await loadCompletions(cohort.id),
    })),
  );
}
