import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { PostcodeChange } from '@/lib/api/types';
import { auditKey } from './get-audit-log';

export const postcodeChangesKey = ['admin', 'postcode-changes'] as const;

/** The requests waiting for a decision, oldest first. */
export function getPendingPostcodeChanges({ signal }: { signal?: AbortSignal } = {}): Promise<PostcodeChange[]> {
  return unwrap(api.GET('/api/admin/postcode-changes', { params: { query: { status: 'PENDING' } }, signal }));
}

export function usePendingPostcodeChanges() {
  return useQuery(
    queryOptions({ queryKey: postcodeChangesKey, queryFn: ({ signal }) => getPendingPostcodeChanges({ signal }), staleTime: 0 }),
  );
}

export type Decision = { id: number; approve: true } | { id: number; approve: false; reason: string };

export function decidePostcodeChange(decision: Decision): Promise<PostcodeChange> {
  const path = { params: { path: { id: decision.id } } };
  return decision.approve
    ? unwrap(api.POST('/api/admin/postcode-changes/{id}/approve', path))
    : unwrap(api.POST('/api/admin/postcode-changes/{id}/reject', { ...path, body: { reason: decision.reason } }));
}

export function useDecidePostcodeChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decidePostcodeChange,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: postcodeChangesKey });
      void queryClient.invalidateQueries({ queryKey: auditKey });
    },
  });
}
