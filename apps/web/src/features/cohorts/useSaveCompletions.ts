import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
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

/**
 * Saves the edited cells of the completions grid. New completions go in one request to
 * `POST /cohorts/:id/completions/batch`, keyed by enrolment and course so a retried save stores
 * nothing twice; a corrected date or score of a recorded completion is a PATCH of that completion.
 */
export function useSaveCompletions(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (edits: CellEdit[]): Promise<RowErrors> => {
      const errors: RowErrors = new Map();
      const refuse = (enrolmentId: string, message: string) =>
        errors.set(enrolmentId, [...(errors.get(enrolmentId) ?? []), message]);
      const created = edits.filter((edit) => !edit.existing);
      const corrected = edits.filter((edit) => edit.existing);

      if (created.length > 0) {
        const answer = await unwrap(
          api.POST('/api/v1/cohorts/{id}/completions/batch', {
            params: { path: { id: cohortId } },
            body: {
              completions: created.map((edit) => ({
                clientRef: `grid.${edit.enrolment.id}.${edit.courseId}`,
                personId: edit.enrolment.personId,
                courseId: edit.courseId,
                completedOn: edit.completedOn,
                score: edit.score as never, // the document types a nullable number as an object (issue 13a)
              })),
            },
          }),
        );
        for (const result of answer.results) {
          if (result.status === 'created' || result.status === 'duplicate') continue;
          refuse(created[result.index].enrolment.id, result.reason ?? result.status);
        }
      }

      await Promise.all(
        corrected.map(async (edit) => {
          try {
            await unwrap(
              api.PATCH('/api/v1/enrolments/{id}/completions/{completionId}', {
                params: { path: { id: edit.enrolment.id, completionId: edit.existing!.id } },
                body: { completedOn: edit.completedOn, score: edit.score as never }, // as above
              }),
            );
          } catch (error) {
            refuse(edit.enrolment.id, error instanceof ApiError ? error.message : String(error));
          }
        }),
      );
      return errors;
    },
    onSettled: () => invalidateCohort(queryClient, cohortId),
  });
}
