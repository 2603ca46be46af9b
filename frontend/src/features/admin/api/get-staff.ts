import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { StaffMember } from '@/lib/api/types';

export const staffKey = ['admin', 'staff'] as const;

export function getStaff({ signal }: { signal?: AbortSignal } = {}): Promise<StaffMember[]> {
  return unwrap(api.GET('/api/admin/staff', { signal }));
}

export function getStaffQueryOptions() {
  return queryOptions({ queryKey: staffKey, queryFn: ({ signal }) => getStaff({ signal }) });
}

export function useStaff() {
  return useQuery(getStaffQueryOptions());
}
