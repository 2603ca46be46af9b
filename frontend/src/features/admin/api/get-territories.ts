import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Territory } from '@/lib/api/types';

export const territoriesKey = ['territories'] as const;

export function getTerritories({ signal }: { signal?: AbortSignal } = {}): Promise<Territory[]> {
  return unwrap(api.GET('/api/territories', { signal }));
}

export function getTerritoriesQueryOptions() {
  return queryOptions({ queryKey: territoriesKey, queryFn: ({ signal }) => getTerritories({ signal }) });
}

export function useTerritories() {
  return useQuery(getTerritoriesQueryOptions());
}
