import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { PostcodeChange } from '@/lib/api/types';

const key = (username: string) => ['me', username, 'postcode-changes'] as const;

/** My postcode change requests, newest first. */
export function getMyPostcodeChanges({ signal }: { signal?: AbortSignal } = {}): Promise<PostcodeChange[]> {
  return unwrap(api.GET('/api/me/postcode-change', { signal }));
}

export function getMyPostcodeChangesQueryOptions(username: string) {
  return queryOptions({ queryKey: key(username), queryFn: ({ signal }) => getMyPostcodeChanges({ signal }) });
}

export function useMyPostcodeChanges(username: string) {
  return useQuery(getMyPostcodeChangesQueryOptions(username));
}

/** Asks an organiser for another postcode; the answer is the pending request. */
export function requestPostcodeChange(postcode: string): Promise<PostcodeChange> {
  return unwrap(api.POST('/api/me/postcode-change', { body: { postcode } }));
}

export function useRequestPostcodeChange(username: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestPostcodeChange,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key(username) }),
  });
}
