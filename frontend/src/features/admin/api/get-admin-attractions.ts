import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attraction } from '@/lib/api/types';

export const adminAttractionsKey = ['admin', 'attractions'] as const;

/** Every attraction, inactive ones included (organisers only). */
export function getAdminAttractions({ signal }: { signal?: AbortSignal } = {}): Promise<Attraction[]> {
  return unwrap(api.GET('/api/admin/attractions', { signal }));
}

export function getAdminAttractionsQueryOptions() {
  return queryOptions({ queryKey: adminAttractionsKey, queryFn: ({ signal }) => getAdminAttractions({ signal }) });
}

export function useAdminAttractions() {
  return useQuery(getAdminAttractionsQueryOptions());
}
