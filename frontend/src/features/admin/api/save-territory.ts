import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Territory, TerritoryInput } from '@/lib/api/types';
import { territoriesKey } from './get-territories';

/** Creates or changes a territory (organisers only): 200 with it, or 400 validation-failed. */
export function saveTerritory({ code, input }: { code: string; input: TerritoryInput }): Promise<Territory> {
  return unwrap(api.PUT('/api/admin/territories/{code}', { params: { path: { code } }, body: input }));
}

export function useSaveTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTerritory,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: territoriesKey }),
  });
}
