import { useMutation } from '@tanstack/react-query';
import { useSession } from '../../../app/useSession';
import type { OutboxItem } from '../../../offline/db';
import { isPending } from '../outbox/useOutbox';
import { queueCompletion } from '../../../offline/outbox';
import { syncNow } from '../../../offline/sync';
import type { Completion } from '../../cohorts/useCohort';
import type { RowErrors, SaveCompletions } from '../../cohorts/useSaveCompletions';
import type { FieldCohort } from './useMyCohorts';

/**
 * The completions grid's save in the field: each edited cell goes to the outbox with its own
 * clientRef and out through the cohort's completions batch when the network allows. Nothing is
 * refused on the phone; the API's answers show in the outbox. A changed date or score of a
 * completion the server holds names it (completionId): the batch replaces it.
 */
export function useQueueCompletions({ cohort, courses }: FieldCohort): SaveCompletions {
  const userId = useSession()!.userId;
  return useMutation({
    networkMode: 'always',
    mutationFn: async (edits): Promise<RowErrors> => {
      for (const edit of edits) {
        const course = courses.find((c) => c.id === edit.courseId);
        await queueCompletion(userId, `${edit.enrolment.fullName} · ${course?.code ?? ''}`, {
          cohortId: cohort.id,
          personId: edit.enrolment.personId,
          courseId: edit.courseId,
          completedOn: edit.completedOn,
          score: edit.score,
          completionId: onServer(edit.existing),
        });
      }
      if (navigator.onLine) void syncNow();
      return new Map();
    },
  });
}

/** A completion the server holds; one still in the outbox (see withOutbox) is named by its clientRef. */
const onServer = (completion?: Completion) =>
  completion && completion.id !== completion.clientRef ? completion.id : undefined;

/**
 * What the grid shows: the server's completions as last fetched, the phone's own that are waiting
 * or were stored since, and the corrections still waiting (a refused or conflicting item is not
 * shown as done).
 */
export function withOutbox({ cohort, roster, completions }: FieldCohort, outbox: OutboxItem[]): Completion[] {
  const enrolmentOf = new Map(roster.map((e) => [e.personId, e]));
  const shown = new Map(completions.map((c) => [`${c.enrolmentId}|${c.courseId}`, c]));
  for (const item of [...outbox].reverse()) {
    if (item.kind !== 'completion' || item.payload.cohortId !== cohort.id) continue;
    if (item.state === 'conflict' || item.state === 'rejected') continue;
    const { personId, courseId, completedOn, score, completionId } = item.payload;
    const enrolment = enrolmentOf.get(personId);
    if (!enrolment) continue;
    const key = `${enrolment.id}|${courseId}`;
    const recorded = shown.get(key);
    if (recorded && completionId === recorded.id && isPending(item))
      shown.set(key, { ...recorded, completedOn, score });
    else if (!recorded)
      shown.set(key, {
        id: item.clientRef,
        clientRef: item.clientRef,
        enrolmentId: enrolment.id,
        enrolmentStatus: enrolment.status,
        personId,
        fullName: enrolment.fullName,
        courseId,
        courseCode: '',
        completedOn,
        score,
      });
  }
  return [...shown.values()];
}
