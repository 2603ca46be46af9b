import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { ballotKeys } from './keys';
import type { Application } from './types';

/** The caller's application to the edition's ballot; null when they have not applied (404). */
export async function getMyApplication(editionId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Application | null> {
  try {
    return await unwrap(api.GET('/api/editions/{editionId}/my-application', { params: { path: { editionId } }, signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function getMyApplicationQueryOptions(username: string, editionId: number) {
  return queryOptions({
    queryKey: ballotKeys.application(username, editionId),
    queryFn: ({ signal }) => getMyApplication(editionId, { signal }),
  });
}

/** Idle while logged out. */
export function useMyApplication(username: string | undefined, editionId: number) {
  return useQuery({ ...getMyApplicationQueryOptions(username ?? '', editionId), enabled: Boolean(username) });
}
