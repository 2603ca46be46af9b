import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ballotKeys } from './keys';
import type { DrawReport } from './types';

/** The public draw report (no login): the commitment before the draw; inputs, hashes and figures after. */
export function getDrawReport(editionId: number, { signal }: { signal?: AbortSignal } = {}): Promise<DrawReport> {
  return unwrap(api.GET('/api/editions/{editionId}/draw', { params: { path: { editionId } }, signal }));
}

export function getDrawReportQueryOptions(editionId: number) {
  return queryOptions({
    queryKey: ballotKeys.drawReport(editionId),
    queryFn: ({ signal }) => getDrawReport(editionId, { signal }),
  });
}

export function useDrawReport(editionId: number) {
  return useQuery(getDrawReportQueryOptions(editionId));
}
