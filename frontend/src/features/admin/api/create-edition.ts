import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Edition, EditionInput } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Creates an edition (organisers only): 201, 400 validation-failed, 409 already-exists (slug). */
export function createEdition(input: EditionInput): Promise<Edition> {
  return unwrap(api.POST('/api/admin/editions', { body: input }));
}

export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEdition,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.editions() }),
  });
}
