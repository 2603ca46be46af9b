import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attraction, AttractionInput } from '@/lib/api/types';
import { adminAttractionsKey } from './get-admin-attractions';

/** Adds an attraction (organisers only): 201 with it, 400 validation-failed, 409 already-exists (slug). */
export function createAttraction(input: AttractionInput): Promise<Attraction> {
  return unwrap(api.POST('/api/admin/attractions', { body: input }));
}

export function useCreateAttraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAttraction,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminAttractionsKey }),
  });
}
