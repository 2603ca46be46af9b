import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Edition } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

// The editions list is read by the public pages (the current edition), the dashboard's picker and the
// administration (which changes it): one query, shared here, as no feature may import another.

export function getEditions({ signal }: { signal?: AbortSignal } = {}): Promise<Edition[]> {
  return unwrap(api.GET('/api/editions', { signal }));
}

export function getEditionsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.editions(),
    queryFn: ({ signal }) => getEditions({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useEditions() {
  return useQuery(getEditionsQueryOptions());
}

/** The edition the public site shows: the one flagged `current` (null when there is no edition at all). */
export function selectCurrentEdition(editions: Edition[]): Edition | null {
  return editions.find((edition) => edition.current) ?? null;
}

export function useCurrentEdition() {
  return useQuery({ ...getEditionsQueryOptions(), select: selectCurrentEdition });
}
