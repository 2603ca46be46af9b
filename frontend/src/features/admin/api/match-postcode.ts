import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { PostcodeMatch } from '@/lib/api/types';

export function matchPostcode(postcode: string, { signal }: { signal?: AbortSignal } = {}): Promise<PostcodeMatch> {
  return unwrap(api.GET('/api/territories/match', { params: { query: { postcode } }, signal }));
}

export function getPostcodeMatchQueryOptions(postcode: string) {
  return queryOptions({
    queryKey: ['territories', 'match', postcode],
    queryFn: ({ signal }) => matchPostcode(postcode, { signal }),
  });
}

/** The territory of a postcode; asks nothing while `postcode` is null. */
export function usePostcodeMatch(postcode: string | null) {
  return useQuery({ ...getPostcodeMatchQueryOptions(postcode ?? ''), enabled: postcode !== null });
}
