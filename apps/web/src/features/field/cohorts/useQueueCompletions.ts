import { useMutation } from '@tanstack/react-query';
import { useSession } from '../../../app/useSession';
import type { OutboxItem } from '../../../offline/db';
import { queueCompletion } from '../../../offline/outbox';
import { syncNow } from '../../../offline/sync';
import type { Completion } from '../../cohorts/useCohort';
import type { RowErrors, SaveCompletions } from '../../cohorts/useSaveCompletions';
import type { FieldCohort } from './useMyCohorts';

/**
 * The completions grid's save in the field: each edited cell goes to the outbox with its own
 * clientRef and out through the cohort's completions batch when the network allows. Nothing is
 * refused on the phone; the API's answers show in the outbox. A changed date or score of a
 * recorded completion comes back as a conflict there, to keep the phone's or the server's.
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
        });
      }
      if (navigator.onLine) void syncNow();
      return new Map();
    },
  });
}

/**
 * What the grid shows: the server's completions as last fetched, and the phone's own that are
 * waiting or were stored since (a refused or conflicting one is not shown as done).
 */
export function withOutbox({ cohort, roster, completions }: FieldCohort, outbox: OutboxItem[]): Completion[] {
  const enrolmentOf = new Map(roster.map((e) => [e.personId, e]));
  const recorded = new Set(completions.map((c) => `${c.enrolmentId}|${c.courseId}`));
  const mine: Completion[] = [];
  for (const item of [...outbox].reverse()) {
    if (item.kind !== 'completion' || item.payload.cohortId !== cohort.id) continue;
    if (item.state === 'conflict' || item.state === 'rejected') continue;
    const enrolment = enrolmentOf.get(item.payload.personId);
    const key = `${enrolment?.id}|${item.payload.courseId}`;
    if (!enrolment || recorded.has(key)) continue;
    recorded.add(key);
    mine.push({
      id: item.clientRef,
      clientRef: item.clientRef,
      enrolmentId: enrolment.id,
      enrolmentStatus: enrolment.status,
      personId: enrolment.personId,
      fullName: enrolment.fullName,
      courseId: item.payload.courseId,
      courseCode: '',
      completedOn: item.payload.completedOn,
      score: item.payload.score,
    });
  }
  return [...completions, ...mine];
}
