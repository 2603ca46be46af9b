import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ballotKeys } from './keys';

/** Withdraws the caller's application while the window is open. */
export async function withdrawApplication(editionId: number): Promise<void> {
  await unwrap(api.DELETE('/api/editions/{editionId}/my-application', { params: { path: { editionId } } }));
}

/** Withdraws, then refreshes the application (also after a refusal: it changed meanwhile). */
export function useWithdrawApplication(username: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawApplication,
    onSettled: (_data, _error, editionId) =>
      username ? queryClient.invalidateQueries({ queryKey: ballotKeys.application(username, editionId) }) : undefined,
  });
}
