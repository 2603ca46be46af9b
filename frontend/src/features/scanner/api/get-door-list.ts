import { queryOptions, useQuery } from '@tanstack/react-query';
import { DOOR_LIST_REFRESH_MS } from '@/config/settings';
import { api, unwrapResponse } from '@/lib/api/client';
import { isAbortError, NetworkError } from '@/lib/api/errors';
import type { DoorList } from '@/lib/api/types';
import { getStoredDoorList, scannerDb, storeDoorList, touchDoorList } from '../offline/door-store';
import { rememberDoorTimeZone } from '../utils/door-time-zone';

export type DoorListAnswer = { changed: false } | { changed: true; list: DoorList; etag: string | undefined };

/**
 * The door list of one attraction and day (tickets, persons admitted, signing keys). With the ETag of
 * the list the device has, the server answers 304 when it has not changed.
 */
export async function getDoorList(
  attractionId: number,
  day: string,
  etag: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<DoorListAnswer> {
  const call = api.GET('/api/attractions/{attractionId}/door-list', {
    params: { path: { attractionId }, query: { day }, header: etag ? { 'If-None-Match': etag } : {} },
    signal,
  });
  let answer: Awaited<typeof call>;
  try {
    answer = await call;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new NetworkError(error);
  }
  if (answer.response.status === 304) return { changed: false };
  const { data, response } = await unwrapResponse(Promise.resolve(answer));
  return { changed: true, list: data, etag: response.headers.get('ETag') ?? undefined };
}

/** Brings the device's copy (IndexedDB) up to date; resolves to when the server confirmed it. */
export async function refreshDoorList(attractionId: number, day: string, { signal }: { signal?: AbortSignal } = {}) {
  const db = await scannerDb();
  const stored = await getStoredDoorList(db, attractionId, day);
  const answer = await getDoorList(attractionId, day, stored?.etag, { signal });
  const now = Date.now();
  if (answer.changed) {
    await storeDoorList(db, answer.list, answer.etag, now);
    rememberDoorTimeZone(attractionId, answer.list.timeZone);
  } else await touchDoorList(db, attractionId, day, now);
  return { checkedAt: now, changed: answer.changed };
}

export function getDoorListQueryOptions(attractionId: number, day: string) {
  return queryOptions({
    queryKey: ['scanner', 'door-list', attractionId, day],
    queryFn: ({ signal }) => refreshDoorList(attractionId, day, { signal }),
    // Kept fresh on open, every minute and when the network comes back; tried even when the browser
    // says it is offline (it is sometimes wrong), and a failure leaves the stored copy in use.
    refetchInterval: DOOR_LIST_REFRESH_MS,
    refetchOnReconnect: 'always',
    networkMode: 'always',
    staleTime: 0,
    retry: false,
  });
}

/** Keeps this door's list for the day up to date on the device (read it with useDoorState). */
export function useDoorList(attractionId: number, day: string) {
  return useQuery(getDoorListQueryOptions(attractionId, day));
}
