import { api, paging, type Schemas, unwrap } from '../../../api/client';
import { useCachedQuery } from '../../../offline/cachedQuery';

export type Mentee = Schemas['MenteeOverview'];

/** The master teacher's active mentees (kept on the device for offline use). */
export function useMyMentees() {
  return useCachedQuery(['me', 'mentees'], () =>
    unwrap(api.GET('/api/v1/me/mentees', { params: { query: paging(0, 500) } })).then((page) => page.items),
  );
}

/** Overdue first, then whoever waited longest since their last session, then by name. */
export function byUrgency(a: Mentee, b: Mentee): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    String(a.lastSessionAt ?? '').localeCompare(String(b.lastSessionAt ?? '')) ||
    a.fullName.localeCompare(b.fullName)
  );
}
