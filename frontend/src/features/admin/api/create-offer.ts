import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Offer, OfferInput } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Adds an offer to an edition: 201, 400 validation-failed, 409 when that attraction already has one that day. */
export function createOffer({ editionId, input }: { editionId: number; input: OfferInput }): Promise<Offer> {
  return unwrap(api.POST('/api/admin/editions/{editionId}/offers', { params: { path: { editionId } }, body: input }));
}

export function useCreateOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOffer,
    onSuccess: (_offer, { editionId }) => void queryClient.invalidateQueries({ queryKey: queryKeys.offers(editionId) }),
  });
}
