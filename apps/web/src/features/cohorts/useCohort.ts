import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, asPage, paging, Schemas, unwrap } from '../../api/client';

export type Enrolment = Schemas['EnrolmentView'];
export type Completion = Schemas['CohortCompletionView'];

export function useCohort(cohortId: string) {
  return useQuery({
    queryKey: ['cohort', cohortId],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}', { params: { path: { id: cohortId } } })),
  });
}

/** The roster: a cohort holds at most a few hundred people, so one page of 500. */
export async function loadRoster(cohortId: string): Promise<Enrolment[]> {
  return asPage<Enrolment>(
    await unwrap(
      api.GET('/api/v1/cohorts/{id}/enrolments', {
        params: { path: { id: cohortId }, query: paging(0, 500) },
      }),
    ),
  ).items;
}

export function useRoster(cohortId: string) {
  return useQuery({ queryKey: ['roster', cohortId], queryFn: () => loadRoster(cohortId) });
}

/** Every completion of the cohort, one request per 500. */
export async function loadCompletions(cohortId: string): Promise<Completion[]> {
  const all: Completion[] = [];
  for (let offset = 0, total = 1; offset < total; offset += 500) {
    const page = await unwrap(
      api.GET('/api/v1/cohorts/{id}/completions', {
        params: { path: { id: cohortId }, query: paging(offset, 500) },
      }),
    );
    total = page.total;
    all.push(...page.items);
  }
  return all;
}

/** A cohort's completions as the grid reads them: by enrolment id. */
export function byEnrolment(completions: Completion[]): Map<string, Completion[]> {
  const map = new Map<string, Completion[]>();
  for (const completion of completions)
    map.set(completion.enrolmentId, [...(map.get(completion.enrolmentId) ?? []), completion]);
  return map;
}

export function useCohortCompletions(cohortId: string) {
  return useQuery({
    queryKey: ['completions', cohortId],
    queryFn: async () => byEnrolment(await loadCompletions(cohortId)),
  });
}

/** Enrols each person; answers the people the API refused, with its message for each. */
export function useEnrol(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (personIds: string[]) => {
      const refused: { personId: string; message: string }[] = [];
      for (const personId of personIds) {
        try {
          await unwrap(
            api.POST('/api/v1/cohorts/{id}/enrolments', {
              params: { path: { id: cohortId } },
              body: { personId },
            }),
          );
        } catch (error) {
          refused.push({ personId, message: error instanceof ApiError ? error.message : String(error) });
        }
      }
      return refused;
    },
    onSettled: () => invalidateCohort(queryClient, cohortId),
  });
}

export function useWithdraw(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      unwrap(
        api.PATCH('/api/v1/enrolments/{id}', {
          params: { path: { id: enrolmentId } },
          body: { status: 'withdrawn' },
        }),
      ),
    onSettled: () => invalidateCohort(queryClient, cohortId),
  });
}

export function invalidateCohort(queryClient: ReturnType<typeof useQueryClient>, cohortId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['cohort', cohortId] }),
    queryClient.invalidateQueries({ queryKey: ['roster', cohortId] }),
    queryClient.invalidateQueries({ queryKey: ['completions', cohortId] }),
    queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
    queryClient.invalidateQueries({ queryKey: ['stats'] }),
  ]);
}
