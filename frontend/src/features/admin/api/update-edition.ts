import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Edition, EditionInput } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Changes an edition (organisers only): 200, 400 validation-failed, 409 already-exists (slug). */
export function updateEdition({ id, input }: { id: number; input: EditionInput }): Promise<Edition> {
  return unwrap(api.PUT('/api/admin/editions/{id}', { params: { path: { id } }, body: input }));
}

export function useUpdateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEdition,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.editions() }),
  });
}
