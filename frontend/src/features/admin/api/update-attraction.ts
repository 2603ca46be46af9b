import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attraction, AttractionInput } from '@/lib/api/types';
import { adminAttractionsKey } from './get-admin-attractions';

/** Changes an attraction (organisers only): 200 with it, 400 validation-failed, 409 already-exists (slug). */
export function updateAttraction({ id, input }: { id: number; input: AttractionInput }): Promise<Attraction> {
  return unwrap(api.PUT('/api/admin/attractions/{id}', { params: { path: { id } }, body: input }));
}

export function useUpdateAttraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAttraction,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminAttractionsKey }),
  });
}
