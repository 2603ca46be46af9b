import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Ticket } from '@/lib/api/types';
import { isChangingTicketData } from '@/lib/query-keys';

/** "We are still coming": answers a reminder; saying it twice changes nothing. */
export function confirmTicket(id: number): Promise<Ticket> {
  return unwrap(api.POST('/api/tickets/{id}/confirmation', { params: { path: { id } } }));
}

export function useConfirmTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: Ticket) => confirmTicket(ticket.id),
    onSettled: () => queryClient.invalidateQueries({ predicate: isChangingTicketData }),
  });
}
