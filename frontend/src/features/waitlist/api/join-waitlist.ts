import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { isChangingTicketData, queryKeys } from '@/lib/query-keys';
import { getMyWaitlistQueryOptions, type WaitlistEntry } from './get-my-waitlist';

export type JoinInput = {
  offerId: number;
  partySize: number;
  /** The offer's edition, whose offers a refusal refreshes (not sent). */
  editionId: number;
};

/** Joins a sold-out offer's waiting list: 201 with the entry and its position. */
export function joinWaitlist({ offerId, partySize }: JoinInput): Promise<WaitlistEntry> {
  return unwrap(api.POST('/api/offers/{offerId}/waitlist', { params: { path: { offerId } }, body: { partySize } }));
}

/**
 * Joins, then shows the entry at once (it goes into the user's list) and refreshes the list. A 409
 * means what the page shows is out of date (places came back, already waiting, a ticket held): the
 * offers, the tickets and the list are refreshed.
 */
export function useJoinWaitlist(username: string | undefined) {
  const queryClient = useQueryClient();
  const listKey = getMyWaitlistQueryOptions(username ?? '').queryKey;
  return useMutation({
    mutationFn: joinWaitlist,
    onSuccess: (entry) => {
      queryClient.setQueryData(listKey, (list) => [entry, ...(list ?? []).filter((e) => e.offer.id !== entry.offer.id)]);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
    onError: (error, { editionId }) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      void queryClient.invalidateQueries({ queryKey: listKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.offers(editionId) });
      void queryClient.invalidateQueries({ predicate: isChangingTicketData });
    },
  });
}
