import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { OFFERS_FRESH_MS, OFFERS_REFRESH_MS } from '@/config/settings';
import { api, unwrap } from '@/lib/api/client';
import type { Offer, OffersQuery } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export type OfferFilters = OffersQuery;

/** Drops empty filters so that `{}` and `{ day: undefined }` share one cache entry and one URL. */
function compact(filters: OfferFilters): OfferFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as OfferFilters;
}

export function getOffers(
  editionId: number,
  filters: OfferFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Offer[]> {
  return unwrap(
    api.GET('/api/editions/{editionId}/offers', {
      params: { path: { editionId }, query: compact(filters) },
      signal,
    }),
  );
}

export function getOffersQueryOptions(editionId: number, filters: OfferFilters = {}) {
  const query = compact(filters);
  return queryOptions({
    queryKey: [...queryKeys.offers(editionId), query],
    queryFn: ({ signal }) => getOffers(editionId, query, { signal }),
    // Places left change while people claim: poll, and keep showing the last list meanwhile. Fresh for
    // a few seconds, so that the list fetched as the app started (src/app/first-screen.ts) is not asked
    // again as the page mounts; a claim or a release refreshes it at once (invalidated).
    refetchInterval: OFFERS_REFRESH_MS,
    staleTime: OFFERS_FRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useOffers(editionId: number, filters: OfferFilters = {}) {
  return useQuery(getOffersQueryOptions(editionId, filters));
}
