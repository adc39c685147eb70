import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, asPage, paging, Schemas, unwrap } from '../../api/client';

export type Programme = Schemas['Programme'];

export const programmesQuery = (offset: number, limit: number) =>
  queryOptions({
    queryKey: ['programmes', offset, limit],
    queryFn: async () =>
      asPage<Programme>(
        await unwrap(api.GET('/api/v1/programmes', { params: { query: paging(offset, limit) } })),
      ),
  });

export function useProgrammes(offset = 0, limit = 50) {
  return useQuery(programmesQuery(offset, limit));
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: ['programme', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}', { params: { path: { id: id! } } })),
  });
}
