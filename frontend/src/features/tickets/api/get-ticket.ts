import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';
import { saveTicketCopy } from './offline-copies';

export function getTicket(id: number, { signal }: { signal?: AbortSignal } = {}): Promise<Ticket> {
  return unwrap(api.GET('/api/tickets/{id}', { params: { path: { id } }, signal }));
}

export function getTicketQueryOptions(username: string, id: number) {
  return queryOptions({
    queryKey: [...queryKeys.userTickets(username), 'ticket', id],
    queryFn: async ({ signal }) => {
      const ticket = await getTicket(id, { signal });
      saveTicketCopy(username, ticket);
      return ticket;
    },
  });
}

/** One of the logged-in user's tickets (another user's answers 404); idle while logged out. */
export function useTicket(username: string | undefined, id: number) {
  return useQuery({ ...getTicketQueryOptions(username ?? '', id), enabled: Boolean(username) });
}
