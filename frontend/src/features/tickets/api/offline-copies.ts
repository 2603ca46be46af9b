import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';
import type { Ticket } from '@/lib/api/types';
import { readOfflineCopy, saveOfflineCopy, type OfflineCopy } from '@/lib/offline-copies';
import { queryKeys } from '@/lib/query-keys';

// The resident's tickets kept on the device (lib/offline-copies): saved from every answer of the
// server, read when it cannot be reached, so a ticket seen once opens at the door without network.

const copyKey = {
  list: 'tickets:list',
  ticket: (id: number) => `tickets:${id}`,
  qr: (id: number) => `tickets:${id}:qr`,
};

/** A PNG as stored: bytes and type (a Blob does not survive every IndexedDB implementation). */
type StoredImage = { type: string; bytes: ArrayBuffer };

export function saveTicketListCopy(username: string, tickets: Ticket[]): void {
  void saveOfflineCopy(username, copyKey.list, tickets);
  // Each ticket of the list too: one seen only in the list opens offline (its QR once it was shown).
  for (const ticket of tickets) void saveOfflineCopy(username, copyKey.ticket(ticket.id), ticket);
}

export function saveTicketCopy(username: string, ticket: Ticket): void {
  void saveOfflineCopy(username, copyKey.ticket(ticket.id), ticket);
}

export function saveTicketQrCopy(username: string, id: number, qr: Blob): void {
  void qr
    .arrayBuffer()
    .then((bytes) => saveOfflineCopy<StoredImage>(username, copyKey.qr(id), { type: qr.type || 'image/png', bytes }))
    .catch(() => undefined);
}

/**
 * Whether the server cannot be reached for this query: the browser is offline (the query waits,
 * `paused`) or it failed without an answer. An answer of the server (404...) is not: no copy then.
 */
export function serverUnreachable(query: UseQueryResult<unknown>): boolean {
  if (query.data !== undefined) return false;
  if (query.fetchStatus === 'paused') return true;
  const failure = query.error ?? query.failureReason;
  return failure != null && !(failure instanceof ApiError);
}

/** An offline copy as a query (`null`: none on this device); read only when `enabled`. */
function copyQueryOptions<T>(username: string, key: readonly unknown[], read: () => Promise<OfflineCopy<T> | undefined>) {
  return queryOptions({
    queryKey: [...queryKeys.userTickets(username), ...key, 'offline-copy'],
    queryFn: async () => (await read()) ?? null,
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
}

export function useTicketListCopy(username: string | undefined, enabled: boolean) {
  return useQuery({
    ...copyQueryOptions(username ?? '', ['list'], () => readOfflineCopy<Ticket[]>(username ?? '', copyKey.list)),
    enabled: enabled && Boolean(username),
  });
}

export function useTicketCopy(username: string | undefined, id: number, enabled: boolean) {
  return useQuery({
    ...copyQueryOptions(username ?? '', ['ticket', id], () => readOfflineCopy<Ticket>(username ?? '', copyKey.ticket(id))),
    enabled: enabled && Boolean(username),
  });
}

export function useTicketQrCopy(username: string | undefined, id: number, enabled: boolean) {
  return useQuery({
    ...copyQueryOptions(username ?? '', ['ticket', id, 'qr'], async () => {
      const copy = await readOfflineCopy<StoredImage>(username ?? '', copyKey.qr(id));
      return copy && { ...copy, value: new Blob([copy.value.bytes], { type: copy.value.type }) };
    }),
    enabled: enabled && Boolean(username),
  });
}
