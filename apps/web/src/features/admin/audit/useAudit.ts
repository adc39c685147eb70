import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, asPage, Schemas, unwrap } from '../../../api/client';
import { pageQuery } from '../shared/pageQuery';

export type AuditEvent = Schemas['AuditEvent'];

export interface AuditFilters {
  actorUserId: string | null;
  entity: string;
  from: string;
  to: string;
}

/** Only the filters given: an empty field filters nothing. */
function given(filters: AuditFilters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => !!value)) as {
    [K in keyof AuditFilters]?: string;
  };
}

export function useAuditEvents(filters: AuditFilters, offset: number, limit: number) {
  return useQuery({
    queryKey: ['audit-events', filters, offset, limit],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      asPage<AuditEvent>(
        await unwrap(
          api.GET('/api/v1/audit-events', {
            params: { query: { ...given(filters), ...pageQuery(offset, limit) } },
          }),
        ),
      ),
  });
}
