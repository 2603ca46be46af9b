import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { TicketLink } from '@/lib/api/types';

const linkKey = (token: string) => ['ticket-link', token] as const;

/** What a mail's link would do (showing it does nothing: mail scanners open links too). */
export function getTicketLink(token: string, { signal }: { signal?: AbortSignal } = {}): Promise<TicketLink> {
  return unwrap(api.GET('/api/ticket-links/{token}', { params: { path: { token } }, signal }));
}

export function useTicketLink(token: string) {
  return useQuery({ queryKey: linkKey(token), queryFn: ({ signal }) => getTicketLink(token, { signal }), retry: false });
}

/** Does what the link says (release or confirm), once; no login needed: the link is the credential. */
export function useTicketLinkAction(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/ticket-links/{token}', { params: { path: { token } } })),
    onSuccess: (link) => queryClient.setQueryData(linkKey(token), link),
    onError: () => queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}
