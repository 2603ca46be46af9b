import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ballotKeys } from './keys';
import type { Applicant } from './types';

export type DisqualifyInput = { editionId: number; applicationId: number; reason: string };

/** Disqualifies an application, with a reason (audited, published as a count). */
export function disqualifyApplication({ editionId, applicationId, reason }: DisqualifyInput): Promise<Applicant> {
  return unwrap(
    api.POST('/api/admin/editions/{editionId}/ballot/applications/{applicationId}/disqualification', {
      params: { path: { editionId, applicationId } },
      body: { reason },
    }),
  );
}

/** Disqualifies, then refreshes the overview (also after a refusal). */
export function useDisqualifyApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disqualifyApplication,
    onSettled: (_data, _error, { editionId }) => queryClient.invalidateQueries({ queryKey: ballotKeys.overview(editionId) }),
  });
}
