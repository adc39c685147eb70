import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, paging, Schemas, unwrap } from '../../api/client';

export type TreeTrainer = Schemas['TreeTrainer'];
export type TreeCohort = Schemas['TreeCohort'];
export type TreeParticipant = Schemas['TreeParticipant'];
export type CascadeSearchHit = Schemas['CascadeSearchHit'];

/** One level of the tree comes 100 nodes at a time; "show more" asks for the next page. */
export const TREE_PAGE = 100;
const nextOffset = (last: { offset: number; limit: number; total: number }) =>
  last.offset + last.limit < last.total ? last.offset + last.limit : undefined;

/** The first level: generation counts and the master teachers. */
export function useCascadeRoots(programmeId: string) {
  return useInfiniteQuery({
    queryKey: ['cascade', programmeId],
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/cascade', {
          params: { path: { id: programmeId }, query: paging(pageParam, TREE_PAGE) },
        }),
      ),
  });
}

/** The cohorts a trainer leads, fetched when their node is opened. */
export function useTrainerCohorts(programmeId: string, personId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['cascade', programmeId, 'trainer', personId],
    enabled,
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/cascade/trainers/{personId}', {
          params: { path: { id: programmeId, personId }, query: paging(pageParam, TREE_PAGE) },
        }),
      ),
  });
}

/** A cohort's participants, fetched when its node is opened. */
export function useCohortParticipants(programmeId: string, cohortId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['cascade', programmeId, 'cohort', cohortId],
    enabled,
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/cascade/cohorts/{cohortId}/participants', {
          params: { path: { id: programmeId, cohortId }, query: paging(pageParam, TREE_PAGE) },
        }),
      ),
  });
}

/** One search hit per line, a short page at a time. */
export const SEARCH_PAGE = 20;

/** People of the whole cascade by name or email (two characters or more), with the way down to them. */
export function useCascadeSearch(programmeId: string, q: string) {
  return useInfiniteQuery({
    queryKey: ['cascade', programmeId, 'search', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/cascade/search', {
          params: { path: { id: programmeId }, query: paging(pageParam, SEARCH_PAGE, { q }) },
        }),
      ),
  });
}
