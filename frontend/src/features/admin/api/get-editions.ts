import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Edition } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getEditions({ signal }: { signal?: AbortSignal } = {}): Promise<Edition[]> {
  return unwrap(api.GET('/api/editions', { signal }));
}

export function getEditionsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.editions(), queryFn: ({ signal }) => getEditions({ signal }) });
}

export function useEditions() {
  return useQuery(getEditionsQueryOptions());
}
