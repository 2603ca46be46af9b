import { queryOptions, useQuery } from '@tanstack/react-query';
import { localScannerStateKey } from '../api/sync-scans';
import { readDoorState } from '../offline/door-state';
import { scannerDb } from '../offline/door-store';

export function doorStateQueryOptions(attractionId: number, day: string) {
  return queryOptions({
    queryKey: [...localScannerStateKey, attractionId, day],
    queryFn: async () => readDoorState(await scannerDb(), attractionId, day),
    // Read from IndexedDB: no network, invalidated whenever the device changes it.
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
}

/** What the device knows for a door and day: its list (with unsynced admissions), keys, queue. */
export function useDoorState(attractionId: number, day: string) {
  return useQuery(doorStateQueryOptions(attractionId, day));
}
