import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attraction } from '@/lib/api/types';

export function getMyAttractions({ signal }: { signal?: AbortSignal } = {}): Promise<Attraction[]> {
  return unwrap(api.GET('/api/me/attractions', { signal }));
}

/** `username` keys the cache per user: another login scans for other doors. */
export function getMyAttractionsQueryOptions(username: string) {
  return queryOptions({
    queryKey: ['scanner', username, 'attractions'],
    queryFn: ({ signal }) => getMyAttractions({ signal }),
    staleTime: 5 * 60_000,
  });
}

/** The attractions the logged-in staff member (or organiser: all of them) scans tickets for, by name. */
export function useMyAttractions(username: string | undefined) {
  return useQuery({ ...getMyAttractionsQueryOptions(username ?? ''), enabled: Boolean(username) });
}
