import { keepPreviousData, QueryClient, queryOptions } from '@tanstack/react-query';
import { api, paging, Schemas, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type Figures = Schemas['FiguresView'];
export type Breakdown = Schemas['BreakdownView'];
export type Generations = Schemas['GenerationsView'];
export type Trainers = Schemas['TrainersView'];
export type ScopeKind = 'region' | 'institution' | 'round' | 'cohort';
export type TrainerSort = NonNullable<
  NonNullable<paths['/api/v1/programmes/{id}/stats/trainers']['get']['parameters']['query']>['sort']
>;

/** While a rollup is pending (stale), poll until the new snapshot arrives. */
const whileStale = (query: { state: { data?: { stale: boolean } } }) =>
  query.state.data?.stale ? 3000 : false;

/**
 * The dashboard's reads, one definition each: the page's hooks and the route's prefetch share
 * their keys, so a read started before the page's code arrives is the one the page shows.
 */
export const statsQueries = {
  figures: (programmeId: string, scope?: ScopeKind, scopeId?: string) =>
    queryOptions({
      queryKey: ['stats', programmeId, scope ?? null, scopeId ?? null],
      refetchInterval: whileStale,
      queryFn: async () =>
        (await unwrap(
          api.GET('/api/v1/programmes/{id}/stats', {
            params: { path: { id: programmeId }, query: scope && scopeId ? { scope, scopeId } : {} },
          }),
        )) as Figures,
    }),
  breakdown: (programmeId: string, scope: ScopeKind) =>
    queryOptions({
      queryKey: ['stats', programmeId, scope, 'all'],
      refetchInterval: whileStale,
      queryFn: async () =>
        (await unwrap(
          api.GET('/api/v1/programmes/{id}/stats', {
            params: { path: { id: programmeId }, query: { scope } },
          }),
        )) as Breakdown,
    }),
  history: (programmeId: string) =>
    queryOptions({
      queryKey: ['stats', programmeId, 'history'],
      queryFn: () =>
        unwrap(api.GET('/api/v1/programmes/{id}/stats/history', { params: { path: { id: programmeId } } })),
    }),
  /** The funnel of each cascade generation, for the programme or one scope (issue 18). */
  generations: (programmeId: string, scope?: ScopeKind, scopeId?: string) =>
    queryOptions({
      queryKey: ['stats', programmeId, 'generations', scope ?? null, scopeId ?? null],
      refetchInterval: whileStale,
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/programmes/{id}/stats/generations', {
            params: { path: { id: programmeId }, query: scope && scopeId ? { scope, scopeId } : {} },
          }),
        ),
    }),
  /** A page of the trainers, sorted on the server by reach or outcome. */
  trainers: (programmeId: string, sort: TrainerSort, order: 'asc' | 'desc', offset: number, limit: number) =>
    queryOptions({
      queryKey: ['stats', programmeId, 'trainers', sort, order, offset, limit],
      placeholderData: keepPreviousData,
      refetchInterval: whileStale,
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/programmes/{id}/stats/trainers', {
            params: { path: { id: programmeId }, query: paging(offset, limit, { sort, order }) },
          }),
        ),
    }),
  /** Each round's target against enrolled, completers and certified. */
  roundPlans: (programmeId: string) =>
    queryOptions({
      queryKey: ['stats', programmeId, 'plan', 'rounds'],
      refetchInterval: whileStale,
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/programmes/{id}/stats/plan/rounds', { params: { path: { id: programmeId } } }),
        ),
    }),
};

/** The trainers table's first view: by reach in the whole sub-tree, 20 a page. */
export const TRAINER_PAGE = 20;
export const TRAINER_FIRST_SORT = { by: 'downstreamParticipants', order: 'desc' } as const;

/** Starts every read of the programme's unscoped dashboard at once (each is skipped while fresh). */
export function prefetchDashboard(client: QueryClient, programmeId: string): void {
  void client.prefetchQuery(statsQueries.figures(programmeId));
  void client.prefetchQuery(statsQueries.breakdown(programmeId, 'region'));
  void client.prefetchQuery(statsQueries.breakdown(programmeId, 'round'));
  void client.prefetchQuery(statsQueries.generations(programmeId));
  void client.prefetchQuery(statsQueries.roundPlans(programmeId));
  void client.prefetchQuery(statsQueries.history(programmeId));
  void client.prefetchQuery(
    statsQueries.trainers(programmeId, TRAINER_FIRST_SORT.by, TRAINER_FIRST_SORT.order, 0, TRAINER_PAGE),
  );
}
