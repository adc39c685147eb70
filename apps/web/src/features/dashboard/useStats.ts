import { useQuery } from '@tanstack/react-query';
import { ScopeKind, statsQueries, TrainerSort } from './statsQueries';

export type { Breakdown, Figures, Generations, ScopeKind, Trainers, TrainerSort } from './statsQueries';

export function useFigures(programmeId: string | undefined, scope?: ScopeKind, scopeId?: string) {
  return useQuery({ ...statsQueries.figures(programmeId ?? '', scope, scopeId), enabled: !!programmeId });
}

export function useBreakdown(programmeId: string | undefined, scope: ScopeKind) {
  return useQuery({ ...statsQueries.breakdown(programmeId ?? '', scope), enabled: !!programmeId });
}

export function useHistory(programmeId: string) {
  return useQuery(statsQueries.history(programmeId));
}

export function useGenerations(programmeId: string, scope?: ScopeKind, scopeId?: string) {
  return useQuery(statsQueries.generations(programmeId, scope, scopeId));
}

export function useTrainers(
  programmeId: string,
  sort: TrainerSort,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
) {
  return useQuery(statsQueries.trainers(programmeId, sort, order, offset, limit));
}

export function useRoundPlans(programmeId: string) {
  return useQuery(statsQueries.roundPlans(programmeId));
}
