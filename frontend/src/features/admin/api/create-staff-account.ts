import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { StaffAccountInput, StaffMember } from '@/lib/api/types';
import { staffKey } from './get-staff';

/**
 * Creates a door-staff account in Keycloak and assigns it: 201, or 400 validation-failed,
 * 409 already-exists, 502 when Keycloak refuses.
 */
export function createStaffAccount(input: StaffAccountInput): Promise<StaffMember> {
  return unwrap(api.POST('/api/admin/staff/accounts', { body: input }));
}

export function useCreateStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffAccount,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
