import { useQuery } from '@tanstack/react-query';
import { api, asPage, paging, Schemas, unwrap } from '../../api/client';

export type Round = Schemas['CascadeRound'];
export type Cohort = Schemas['CohortView'];
export type EligibleTrainer = Schemas['EligibleTrainerView'];

export function useRounds(programmeId: string) {
  return useQuery({
    queryKey: ['rounds', programmeId],
    queryFn: async () =>
      asPage<Round>(
        await unwrap(
          api.GET('/api/v1/programmes/{id}/rounds', {
            params: { path: { id: programmeId }, query: paging(0, 100) },
          }),
        ),
      ).items,
  });
}

export function useRound(programmeId: string, roundId: string) {
  return useQuery({
    queryKey: ['round', roundId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/rounds/{roundId}', {
          params: { path: { id: programmeId, roundId } },
        }),
      ),
  });
}

/** A round's cohorts (a round has tens, not thousands: one page of 500). */
export function useCohorts(roundId: string) {
  return useQuery({
    queryKey: ['cohorts', { roundId }],
    queryFn: async () =>
      asPage<Cohort>(
        await unwrap(api.GET('/api/v1/cohorts', { params: { query: paging(0, 500, { roundId }) } })),
      ).items,
  });
}

/** Who may lead a cohort of the round (the cascade rule), searched on the server. */
export function useEligibleTrainers(programmeId: string, roundId: string, q: string) {
  return useQuery({
    queryKey: ['eligible-lead-trainers', roundId, q],
    placeholderData: (previous) => previous,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/programmes/{id}/rounds/{roundId}/eligible-lead-trainers', {
            params: {
              path: { id: programmeId, roundId },
              query: paging(0, 20, { q: q.trim() || undefined }),
            },
          }),
        )
      ).items,
  });
}
