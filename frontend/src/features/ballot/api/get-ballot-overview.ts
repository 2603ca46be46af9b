import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ballotKeys } from './keys';
import type { BallotOverview } from './types';

/** Organisers: applications, persons, demand per offer and possible duplicates. */
export function getBallotOverview(editionId: number, { signal }: { signal?: AbortSignal } = {}): Promise<BallotOverview> {
  return unwrap(api.GET('/api/admin/editions/{editionId}/ballot', { params: { path: { editionId } }, signal }));
}

export function getBallotOverviewQueryOptions(editionId: number) {
  return queryOptions({
    queryKey: ballotKeys.overview(editionId),
    queryFn: ({ signal }) => getBallotOverview(editionId, { signal }),
  });
}

export function useBallotOverview(editionId: number) {
  return useQuery(getBallotOverviewQueryOptions(editionId));
}
