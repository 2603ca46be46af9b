import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';
import { saveTicketListCopy } from './offline-copies';

export function getMyTickets({ signal }: { signal?: AbortSignal } = {}): Promise<Ticket[]> {
  return unwrap(api.GET('/api/me/tickets', { signal }));
}

/** `username` keys the cache per user, so that another login never sees the previous one's tickets. */
export function getMyTicketsQueryOptions(username: string) {
  return queryOptions({
    queryKey: [...queryKeys.userTickets(username), 'list'],
    queryFn: async ({ signal }) => {
      const tickets = await getMyTickets({ signal });
      saveTicketListCopy(username, tickets);
      return tickets;
    },
  });
}

/** The logged-in user's tickets, live and cancelled, newest first; idle while logged out. */
export function useMyTickets(username: string | undefined) {
  return useQuery({ ...getMyTicketsQueryOptions(username ?? ''), enabled: Boolean(username) });
}
