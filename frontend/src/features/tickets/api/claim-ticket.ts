import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError, NetworkError } from '@/lib/api/errors';
import type { ClaimRequest, Ticket } from '@/lib/api/types';
import { isChangingTicketData, queryKeys } from '@/lib/query-keys';
import { getMyTicketsQueryOptions } from './get-my-tickets';
import { getTicketQueryOptions } from './get-ticket';
import { getTicketQrQueryOptions } from './get-ticket-qr';

export type ClaimInput = ClaimRequest & {
  /** One key per claim attempt, reused when the same attempt is sent again after a network failure. */
  idempotencyKey: string;
  /** The offer's edition, whose places left the claim changes (not sent). */
  editionId: number;
};

/** Claims free entries: 201 with the new ticket, or 200 with the one an earlier try of this key made. */
export function claimTicket({ offerId, partySize, idempotencyKey }: ClaimInput): Promise<Ticket> {
  return unwrap(
    api.POST('/api/tickets', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body: { offerId, partySize },
    }),
  );
}

/** A claim lost on the way (no answer) is sent again, twice, with the same key: the server will not book twice. */
export function shouldRetryClaim(failureCount: number, error: unknown): boolean {
  return error instanceof NetworkError && failureCount < 2;
}

/**
 * Claims, then shows the new ticket at once (it goes into the cache) and refreshes what the claim
 * changed: the places left of the edition's offers and the user's tickets. A refusal refreshes them
 * too: it usually means they changed (sold out, a ticket claimed in another tab).
 */
export function useClaimTicket(username: string | undefined) {
  const queryClient = useQueryClient();
  const refresh = (editionId: number) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.offers(editionId) });
    void queryClient.invalidateQueries(
      username ? { queryKey: getMyTicketsQueryOptions(username).queryKey } : { predicate: isChangingTicketData },
    );
  };
  return useMutation({
    mutationFn: claimTicket,
    retry: shouldRetryClaim,
    retryDelay: (failureCount) => 1000 * failureCount,
    // Not awaited: the new ticket shows at once while the rest refreshes.
    onSuccess: (ticket, { editionId }) => {
      if (username) {
        queryClient.setQueryData(getTicketQueryOptions(username, ticket.id).queryKey, ticket);
        void queryClient.prefetchQuery(getTicketQrQueryOptions(username, ticket.id));
      }
      refresh(editionId);
    },
    onError: (error, { editionId }) => {
      if (error instanceof ApiError && error.status === 409) refresh(editionId);
    },
  });
}
