import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapResponse } from '@/lib/api/client';
import type { WalkUpRequest, WalkUpResult, WalkUpWindow } from '@/lib/api/types';

const windowKey = (attractionId: number) => ['scanner', 'walk-ups', attractionId] as const;

/** Today's walk-up time at this door, or null when the door takes none today (204). */
export async function getWalkUpWindow(attractionId: number, signal?: AbortSignal): Promise<WalkUpWindow | null> {
  const { data, response } = await unwrapResponse(api.GET('/api/walk-ups/{attractionId}', { params: { path: { attractionId } }, signal }));
  return response.status === 204 ? null : data;
}

/** The door's walk-up window, checked again every minute (it opens near closing time, the places go down). */
export function useWalkUpWindow(attractionId: number) {
  return useQuery({
    queryKey: windowKey(attractionId),
    queryFn: ({ signal }) => getWalkUpWindow(attractionId, signal),
    refetchInterval: 60_000,
  });
}

/** Admits a party without a ticket; the walk-up id is the caller's, so that sending it again changes nothing. */
export function admitWalkUp(request: WalkUpRequest): Promise<WalkUpResult> {
  return unwrap(api.POST('/api/walk-ups', { body: request }));
}

export function useAdmitWalkUp(attractionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: admitWalkUp,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: windowKey(attractionId) }),
  });
}
