import type { TicketKey } from '@/lib/api/types';
import { allKeys, getStoredDoorList, pendingScans, unsettledScans, type QueuedScan, type ScannerDatabase } from './door-store';
import { applyAdmission, emptyDoorList, type DoorListState } from './door-list-state';

/** What the device knows for one door and day, for judging offline and for the screen. */
export type DoorState = {
  /** The server's list with this device's unsynced admissions on top; undefined when it has neither. */
  list: DoorListState | undefined;
  /** When the server last confirmed the list (epoch ms). */
  checkedAt?: number;
  /** Every signing key the device has received. */
  keys: TicketKey[];
  /** Scans of this device (any door) waiting for the server. */
  pendingCount: number;
  /** Scans of this device the server disagreed with or refused, still to be looked at. */
  unsettled: QueuedScan[];
};

/** The server's list of this door and day (if any) with the unsynced admissions made here applied. */
export function overlayPending(
  server: DoorListState | undefined,
  pending: readonly QueuedScan[],
  attractionId: number,
  day: string,
): DoorListState | undefined {
  const here = pending.filter((s) => s.request.attractionId === attractionId && s.day === day);
  if (!server && here.length === 0) return server;
  return here.reduce((list, scan) => applyAdmission(list, scan.admission), server ?? emptyDoorList(attractionId, day));
}

export async function readDoorState(db: ScannerDatabase, attractionId: number, day: string): Promise<DoorState> {
  const [stored, keys, pending, unsettled] = await Promise.all([
    getStoredDoorList(db, attractionId, day),
    allKeys(db),
    pendingScans(db),
    unsettledScans(db),
  ]);
  return {
    list: overlayPending(stored?.list, pending, attractionId, day),
    checkedAt: stored?.checkedAt,
    keys,
    pendingCount: pending.length,
    unsettled,
  };
}
