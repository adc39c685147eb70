import { useMutation, useQuery } from '@tanstack/react-query';
import { api, Schemas, unwrap } from '../../api/client';

export type Verification = Schemas['VerificationResult'];

/** What the public verification says of the credential with this number (no login). */
export function useVerificationOf(number: string | undefined) {
  return useQuery({
    queryKey: ['verification', number],
    enabled: !!number,
    retry: false,
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/verifications/{number}', { params: { path: { number: number! } } })),
  });
}

/** Verifies a credential document that the visitor pasted or uploaded. */
export function useVerifyDocument() {
  return useMutation({
    mutationFn: (credential: Record<string, unknown>) =>
      unwrap(api.POST('/api/v1/public/verifications', { body: { credential } })),
  });
}
