import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { isChangingTicketData, queryKeys } from '@/lib/query-keys';

/** Cancels a ticket: its places go back to other residents at once. */
export async function cancelTicket(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/tickets/{id}', { params: { path: { id } } }));
}

/**
 * Cancels, then refreshes the ticket, the user's tickets and the places left of the edition's offers;
 * also after a refusal (already cancelled, too late), since the ticket changed meanwhile.
 */
export function useCancelTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: Ticket) => cancelTicket(ticket.id),
    onSettled: (_data, _error, ticket) =>
      Promise.all([
        queryClient.invalidateQueries({ predicate: isChangingTicketData }),
        queryClient.invalidateQueries({ queryKey: queryKeys.offers(ticket.offer.editionId) }),
      ]),
  });
}
