import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Offer } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';
import { editionStatsKey } from './get-edition-stats';

export type CapacityInput = {
  offerId: number;
  capacity: number;
  /** The offer's edition, whose figures and places left the change moves (not sent). */
  editionId: number;
};

/**
 * Sets an offer's capacity (organisers only): 200 with the offer, or 409 `capacity-below-booked`
 * when more persons are already booked than the new capacity.
 */
export function changeOfferCapacity({ offerId, capacity }: CapacityInput): Promise<Offer> {
  return unwrap(api.PUT('/api/admin/offers/{offerId}/capacity', { params: { path: { offerId } }, body: { capacity } }));
}

/**
 * Changes the capacity, then refreshes what it changed: the edition's figures (the live stream
 * brings them too, this covers a stream that is down) and the places left of its offers.
 */
export function useChangeOfferCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeOfferCapacity,
    onSuccess: (_offer, { editionId }) => {
      void queryClient.invalidateQueries({ queryKey: editionStatsKey(editionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.offers(editionId) });
    },
  });
}
