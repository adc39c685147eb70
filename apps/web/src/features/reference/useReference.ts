import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, asPage, paging, Schemas, unwrap } from '../../api/client';

export type Region = Schemas['Region'];
export type Course = Schemas['Course'];
export type Person = Schemas['Person'];

/** Mongolia's 22 regions: one page holds them all. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    staleTime: Infinity,
    queryFn: async () =>
      asPage<Region>(await unwrap(api.GET('/api/v1/regions', { params: { query: paging(0, 500) } }))).items,
  });
}

/** A region's name in the language the user reads. */
export function useRegionName() {
  const { i18n } = useTranslation();
  const regions = useRegions();
  return (id: string) => {
    const region = regions.data?.find((r) => r.id === id);
    return region ? (i18n.language === 'mn' ? region.nameMn : region.name) : '…';
  };
}

export function useCourses() {
  return useQuery({
    queryKey: ['courses'],
    queryFn: async () =>
      asPage<Course>(await unwrap(api.GET('/api/v1/courses', { params: { query: paging(0, 500) } }))).items,
  });
}

/** People whose name, email or institution contains `q` (the server searches; 20 at a time). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['people', 'search', q],
    enabled: q.trim().length >= 2,
    placeholderData: (previous) => previous,
    queryFn: async () =>
      asPage<Person>(
        await unwrap(api.GET('/api/v1/people', { params: { query: paging(0, 20, { q: q.trim() }) } })),
      ).items,
  });
}
