import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CompletionDraft, OutboxItem, SessionDraft } from '../../../offline/db';
import { db } from '../../../offline/db';
import { resend, settle } from '../../../offline/outbox';
import { syncNow } from '../../../offline/sync';

/** Keep the server's copy: the item is done, nothing is sent. */
export function useKeepServers() {
  return useMutation({
    networkMode: 'always',
    mutationFn: (item: OutboxItem) => settle(item.clientRef, item.server),
  });
}

/** Make the server's copy say what the phone says (an edit of that record, never a second one). */
export function useKeepMine() {
  return useMutation({
    mutationFn: async (item: OutboxItem) => {
      if (!item.server) throw new Error('the server sent no copy to overwrite');
      if (item.kind === 'session') {
        const { occurredAt, durationMinutes, mode, topics, notes } = item.payload;
        const updated = await unwrap(
          api.PATCH('/api/v1/mentoring/sessions/{id}', {
            params: { path: { id: item.server.id } },
            body: { occurredAt, durationMinutes, mode, topics, notes },
          }),
        );
        return settle(item.clientRef, updated);
      }
      const { completedOn, score } = item.payload;
      const updated = await unwrap(
        api.PATCH('/api/v1/enrolments/{id}/completions/{completionId}', {
          params: { path: { id: item.server.enrolmentId, completionId: item.server.id } },
          body: { completedOn, score } as never,
        }),
      );
      return settle(item.clientRef, updated as OutboxItem['server']);
    },
  });
}

/** A corrected rejected item goes back to the outbox and out at once when the network allows. */
export async function correct(item: OutboxItem, payload: SessionDraft | CompletionDraft): Promise<void> {
  await resend(item.clientRef, payload);
  if (navigator.onLine) void syncNow();
}

export const discard = (item: OutboxItem) => db.outbox.delete(item.clientRef);
