import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { getMyWaitlistQueryOptions } from './get-my-waitlist';

/** Leaves an offer's waiting list (404 when not on it any more: left elsewhere, or served). */
export async function leaveWaitlist(offerId: number): Promise<void> {
  await unwrap(api.DELETE('/api/offers/{offerId}/waitlist', { params: { path: { offerId } } }));
}

/** Leaves, then refreshes the user's list; also after a refusal, since the entry changed meanwhile. */
export function useLeaveWaitlist(username: string | undefined) {
  const queryClient = useQueryClient();
  const listKey = getMyWaitlistQueryOptions(username ?? '').queryKey;
  return useMutation({
    mutationFn: leaveWaitlist,
    onSuccess: (_data, offerId) =>
      queryClient.setQueryData(listKey, (list) =>
        list?.map((e) => (e.offer.id === offerId && e.status === 'WAITING' ? { ...e, status: 'LEFT' } : e)),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}
