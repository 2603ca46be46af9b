import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Offer } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** All offers of the edition (no filter): what an application may choose from. */
export function getBallotOffers(editionId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Offer[]> {
  return unwrap(api.GET('/api/editions/{editionId}/offers', { params: { path: { editionId } }, signal }));
}

export function getBallotOffersQueryOptions(editionId: number) {
  return queryOptions({
    // Under the edition's offers key (shared invalidation), apart from the offers page's filtered lists.
    queryKey: [...queryKeys.offers(editionId), 'ballot'],
    queryFn: ({ signal }) => getBallotOffers(editionId, { signal }),
    staleTime: 60_000,
  });
}

export function useBallotOffers(editionId: number) {
  return useQuery(getBallotOffersQueryOptions(editionId));
}
