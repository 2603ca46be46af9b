import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditEntry } from '@/lib/api/types';

export const auditKey = ['admin', 'audit'] as const;

/** The latest 200 changes made by organisers, newest first. */
export function getAuditLog({ signal }: { signal?: AbortSignal } = {}): Promise<AuditEntry[]> {
  return unwrap(api.GET('/api/admin/audit', { signal }));
}

export function getAuditLogQueryOptions() {
  return queryOptions({ queryKey: auditKey, queryFn: ({ signal }) => getAuditLog({ signal }), staleTime: 0 });
}

export function useAuditLog() {
  return useQuery(getAuditLogQueryOptions());
}
