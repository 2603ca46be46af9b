import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { StaffMember } from '@/lib/api/types';
import { staffKey } from './get-staff';

/** Sets the attractions a staff account scans for. */
export function assignStaff({ username, attractionIds }: StaffMember): Promise<StaffMember> {
  return unwrap(
    api.PUT('/api/admin/staff/{username}/attractions', { params: { path: { username } }, body: { attractionIds } }),
  );
}

export function useAssignStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignStaff,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
