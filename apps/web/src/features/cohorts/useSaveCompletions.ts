import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Completion, Enrolment, invalidateCohort } from './useCohort';

export interface CellEdit {
  enrolment: Enrolment;
  courseId: string;
  completedOn: string;
  score: number | null;
  existing?: Completion;
}

/** What the API refused, by enrolment id: each row of the grid shows its own messages. */
export type RowErrors = Map<string, string[]>;

/** How the completions grid records its edited cells. */
export type SaveCompletions = UseMutationResult<RowErrors, Error, CellEdit[]>;

/**
 * Saves the edited cells of the completions grid in one request to
 * `POST /cohorts/:id/completions/batch`: new completions keyed by enrolment and course, so a retried
 * save stores nothing twice, and corrected dates or scores of recorded completions named by their id.
 */
export function useSaveCompletions(cohortId: string): SaveCompletions {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (edits: CellEdit[]): Promise<RowErrors> => {
      const errors: RowErrors = new Map();
      if (edits.length === 0) return errors;
      const answer = await unwrap(
        api.POST('/api/v1/cohorts/{id}/completions/batch', {
          params: { path: { id: cohortId } },
          body: {
            completions: edits.map((edit) => ({
              clientRef: `grid.${edit.enrolment.id}.${edit.courseId}`,
              personId: edit.enrolment.personId,
              courseId: edit.courseId,
              completedOn: edit.completedOn,
              score: edit.score as never, // the document types a nullable number as an object (issue 13a)
              completionId: edit.existing?.id,
            })),
          },
        }),
      );
      for (const result of answer.results) {
        if (result.status === 'rejected' || result.status === 'conflict') {
          const enrolmentId = edits[result.index].enrolment.id;
          errors.set(enrolmentId, [...(errors.get(enrolmentId) ?? []), result.reason ?? result.status]);
        }
      }
      return errors;
    },
    onSettled: () => invalidateCohort(queryClient, cohortId),
  });
}
