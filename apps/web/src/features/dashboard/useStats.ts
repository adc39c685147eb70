import { useQuery } from '@tanstack/react-query';
import { api, Schemas, unwrap } from '../../api/client';

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
