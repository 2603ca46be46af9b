import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { NetworkError } from '@/lib/api/errors';
import { ballotKeys } from './keys';
import type { Application, ApplicationRequest } from './types';

export type SaveApplicationInput = ApplicationRequest & {
  editionId: number;
  /** One key per attempt, reused when the same attempt is sent again after a network failure. */
  idempotencyKey: string;
};

/** Applies, or changes the application: 201 new, 200 changed (or the replay of this key). */
export function saveApplication({ editionId, idempotencyKey, ...body }: SaveApplicationInput): Promise<Application> {
  return unwrap(
    api.PUT('/api/editions/{editionId}/my-application', {
      params: { path: { editionId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

/** Sent again (same key) when no answer came: the server will not apply twice. */
export function shouldRetrySave(failureCount: number, error: unknown): boolean {
  return error instanceof NetworkError && failureCount < 2;
}

export function useSaveApplication(username: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveApplication,
    retry: shouldRetrySave,
    retryDelay: (failureCount) => 1000 * failureCount,
    onSuccess: (application, { editionId }) => {
      if (username) queryClient.setQueryData(ballotKeys.application(username, editionId), application);
    },
  });
}
