import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Me } from '@/lib/api/types';

export function getMe(editionId?: number, { signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  return unwrap(api.GET('/api/me', { params: { query: editionId === undefined ? {} : { editionId } }, signal }));
}

/** `username` keys the cache per user, so that another login never sees the previous one's data. */
export function getMeQueryOptions(username: string, editionId?: number) {
  return queryOptions({
    queryKey: ['me', username, editionId ?? 'current'],
    queryFn: ({ signal }) => getMe(editionId, { signal }),
  });
}

/** The logged-in user's profile and eligibility; idle while logged out. */
export function useMe(username: string | undefined, editionId?: number) {
  return useQuery({ ...getMeQueryOptions(username ?? '', editionId), enabled: Boolean(username) });
}
