import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';
import { saveTicketQrCopy } from './offline-copies';

/**
 * Width asked for the QR PNG, in pixels: the code shows at up to 360 CSS pixels, so this is sharp on
 * a phone's 2x screen; the server rounds it down to a whole number of pixels per module.
 */
export const QR_PNG_SIZE = 720;

/** The ticket's QR code as a PNG (it needs the bearer token, so it cannot be a plain `<img src>`). */
export function getTicketQr(id: number, { signal }: { signal?: AbortSignal } = {}): Promise<Blob> {
  return unwrap(
    api.GET('/api/tickets/{id}/qr.png', {
      params: { path: { id }, query: { size: QR_PNG_SIZE } },
      parseAs: 'blob',
      signal,
    }),
  );
}

export function getTicketQrQueryOptions(username: string, id: number) {
  return queryOptions({
    queryKey: [...queryKeys.userTickets(username), 'ticket', id, 'qr', QR_PNG_SIZE],
    queryFn: async ({ signal }) => {
      const qr = await getTicketQr(id, { signal });
      saveTicketQrCopy(username, id, qr);
      return qr;
    },
    // A ticket's QR code never changes: fetch it once per visit.
    staleTime: Infinity,
  });
}

export function useTicketQr(username: string | undefined, id: number, { enabled = true } = {}) {
  return useQuery({ ...getTicketQrQueryOptions(username ?? '', id), enabled: enabled && Boolean(username) });
}
