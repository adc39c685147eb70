import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';

export type Check = Schemas['DataQualityCount']['check'];
export type Finding = Schemas['DataQualityItem'];

const scope = (programmeId: string | null) => (programmeId ? { programmeId } : {});

export function useQualityCounts(programmeId: string | null) {
  return useQuery({
    queryKey: ['data-quality', programmeId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/data-quality', { params: { query: scope(programmeId) } }))).checks,
  });
}

export function useQualityList(
  check: Check | null,
  programmeId: string | null,
  offset: number,
  limit: number,
) {
  return useQuery({
    queryKey: ['data-quality', programmeId, check, offset, limit],
    enabled: !!check,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<Finding>(
        await unwrap(
          api.GET('/api/v1/data-quality/{check}', {
            params: {
              path: { check: check! },
              query: { ...scope(programmeId), ...pageQuery(offset, limit) },
            },
          }),
        ),
      ),
  });
}
