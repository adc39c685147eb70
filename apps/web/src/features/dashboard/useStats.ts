import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, paging, Schemas, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type Figures = Schemas['FiguresView'];
export type Breakdown = Schemas['BreakdownView'];
export type ScopeKind = 'region' | 'institution' | 'round' | 'cohort';

/** While a rollup is pending (stale), poll until the new snapshot arrives. */
const whileStale = (data: { stale: boolean } | undefined) => (data?.stale ? 3000 : false);

export function useFigures(programmeId: string | undefined, scope?: ScopeKind, scopeId?: string) {
  return useQuery({
    queryKey: ['stats', programmeId, scope ?? null, scopeId ?? null],
    enabled: !!programmeId,
    refetchInterval: (query) => whileStale(query.state.data),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/programmes/{id}/stats', {
          params: { path: { id: programmeId! }, query: scope && scopeId ? { scope, scopeId } : {} },
        }),
      )) as Figures,
  });
}

export function useBreakdown(programmeId: string | undefined, scope: ScopeKind) {
  return useQuery({
    queryKey: ['stats', programmeId, scope, 'all'],
    enabled: !!programmeId,
    refetchInterval: (query) => whileStale(query.state.data),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/programmes/{id}/stats', {
          params: { path: { id: programmeId! }, query: { scope } },
        }),
      )) as Breakdown,
  });
}

export function useHistory(programmeId: string | undefined) {
  return useQuery({
    queryKey: ['stats', programmeId, 'history'],
    enabled: !!programmeId,
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/stats/history', { params: { path: { id: programmeId! } } })),
  });
}

export type Generations = Schemas['GenerationsView'];
export type Trainers = Schemas['TrainersView'];
export type TrainerSort = NonNullable<
  NonNullable<paths['/api/v1/programmes/{id}/stats/trainers']['get']['parameters']['query']>['sort']
>;

/** The funnel of each cascade generation, for the programme or one scope (issue 18). */
export function useGenerations(programmeId: string, scope?: ScopeKind, scopeId?: string) {
  return useQuery({
    queryKey: ['stats', programmeId, 'generations', scope ?? null, scopeId ?? null],
    refetchInterval: (query) => whileStale(query.state.data),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/stats/generations', {
          params: { path: { id: programmeId }, query: scope && scopeId ? { scope, scopeId } : {} },
        }),
      ),
  });
}

/** A page of the trainers, sorted on the server by reach or outcome. */
export function useTrainers(
  programmeId: string,
  sort: TrainerSort,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
) {
  return useQuery({
    queryKey: ['stats', programmeId, 'trainers', sort, order, offset, limit],
    placeholderData: keepPreviousData,
    refetchInterval: (query) => whileStale(query.state.data),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/stats/trainers', {
          params: { path: { id: programmeId }, query: paging(offset, limit, { sort, order }) },
        }),
      ),
  });
}

/** Each round's target against enrolled, completers and certified. */
export function useRoundPlans(programmeId: string) {
  return useQuery({
    queryKey: ['stats', programmeId, 'plan', 'rounds'],
    refetchInterval: (query) => whileStale(query.state.data),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/stats/plan/rounds', { params: { path: { id: programmeId } } })),
  });
}
