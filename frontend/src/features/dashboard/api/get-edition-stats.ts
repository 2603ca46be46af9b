import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { EditionStats, StatsQuery } from '@/lib/api/types';
import { STATS_STALE_MS } from '../settings';

export type StatsFilters = StatsQuery;

/** Drops empty filters so that `{}` and `{ day: undefined }` share one cache entry (and one stream). */
export function compactStatsFilters(filters: StatsFilters): StatsFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as StatsFilters;
}

/** Every stats entry of an edition, whatever its filters (what a capacity change makes stale). */
export const editionStatsKey = (editionId: number) => ['editions', editionId, 'stats'] as const;

export function getEditionStats(
  editionId: number,
  filters: StatsFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<EditionStats> {
  return unwrap(
    api.GET('/api/editions/{editionId}/stats', {
      params: { path: { editionId }, query: compactStatsFilters(filters) },
      signal,
    }),
  );
}

/**
 * The figures of an edition (organisers only). The live stream (stream-edition-stats.ts) writes every
 * new value into this same entry, so while it runs the data stays fresh without polling; if the stream
 * is down, a refocus after `STATS_STALE_MS` fetches the figures again.
 */
export function getEditionStatsQueryOptions(editionId: number, filters: StatsFilters = {}) {
  const query = compactStatsFilters(filters);
  return queryOptions({
    queryKey: [...editionStatsKey(editionId), query],
    queryFn: ({ signal }) => getEditionStats(editionId, query, { signal }),
    staleTime: STATS_STALE_MS,
    // A change of filters keeps the last figures on screen until the new ones come.
    placeholderData: keepPreviousData,
  });
}

export function useEditionStats(editionId: number, filters: StatsFilters = {}) {
  return useQuery(getEditionStatsQueryOptions(editionId, filters));
}
