import { queryOptions, useQuery } from '@tanstack/react-query';
import { OFFERS_REFRESH_MS } from '@/config/settings';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

/** One of the user's places on an offer's waiting list (generated contract type). */
export type WaitlistEntry = components['schemas']['WaitlistEntryView'];

export function getMyWaitlist({ signal }: { signal?: AbortSignal } = {}): Promise<WaitlistEntry[]> {
  return unwrap(api.GET('/api/me/waitlist', { signal }));
}

/** `username` keys the cache per user, so that another login never sees the previous one's entries. */
export function getMyWaitlistQueryOptions(username: string) {
  return queryOptions({
    queryKey: ['waitlist', username] as const,
    queryFn: ({ signal }) => getMyWaitlist({ signal }),
    // Positions move while others leave or get served: refreshed like the places left.
    refetchInterval: OFFERS_REFRESH_MS,
  });
}

/** The logged-in user's waiting-list entries (waiting, served, left), newest first; idle while logged out. */
export function useMyWaitlist(username: string | undefined) {
  return useQuery({ ...getMyWaitlistQueryOptions(username ?? ''), enabled: Boolean(username) });
}
