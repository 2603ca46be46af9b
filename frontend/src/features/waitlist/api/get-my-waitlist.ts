import { queryOptions, useQuery } from '@tanstack/react-query';
import { OFFERS_REFRESH_MS } from '@/config/settings';
import { api, unwrap } from '@/lib/api/client';
import { isChangingTicketData } from '@/lib/query-keys';
import type { components } from '@/lib/api/schema';
import type { Auth } from '@/lib/auth';

/** One of the user's places on an offer's waiting list (generated contract type). */
export type WaitlistEntry = components['schemas']['WaitlistEntryView'];

export function getMyWaitlist({ signal }: { signal?: AbortSignal } = {}): Promise<WaitlistEntry[]> {
  return unwrap(api.GET('/api/me/waitlist', { signal }));
}

/** Whether an entry was served since the list before (which was known): a ticket has come. */
export function newlyServed(before: readonly WaitlistEntry[] | undefined, now: readonly WaitlistEntry[]): boolean {
  if (!before) return false;
  const served = new Set(before.filter((e) => e.status === 'SERVED').map((e) => e.id));
  return now.some((e) => e.status === 'SERVED' && !served.has(e.id));
}

/**
 * `username` keys the cache per user, so that another login never sees the previous one's entries.
 * A place that came free while the page was open brings a ticket: the user's tickets are refreshed.
 */
export function getMyWaitlistQueryOptions(username: string) {
  return queryOptions({
    queryKey: ['waitlist', username] as const,
    queryFn: async ({ signal, client, queryKey }) => {
      const entries = await getMyWaitlist({ signal });
      if (newlyServed(client.getQueryData<WaitlistEntry[]>(queryKey), entries)) {
        void client.invalidateQueries({ predicate: isChangingTicketData });
      }
      return entries;
    },
    // Positions move while others leave or get served: refreshed like the places left.
    refetchInterval: OFFERS_REFRESH_MS,
  });
}

/** Whose waiting lists there are: a logged-in resident's (the API answers them only), else nobody's. */
export function waitlistUser(auth: Auth): string | undefined {
  return auth.authenticated && auth.hasRole('resident') ? auth.username : undefined;
}

/** The logged-in user's waiting-list entries (waiting, served, left), newest first; idle while logged out. */
export function useMyWaitlist(username: string | undefined) {
  return useQuery({ ...getMyWaitlistQueryOptions(username ?? ''), enabled: Boolean(username) });
}
