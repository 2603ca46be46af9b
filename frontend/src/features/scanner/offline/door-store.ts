import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DoorList, ScanRequest, ScanResult, TicketKey } from '@/lib/api/types';
import { applyAdmission, type Admission, type DoorListState } from './door-list-state';

/** The server's door list of one door and day, as last received, with its ETag. */
export type StoredDoorList = {
  /** `${attractionId}:${day}` */
  key: string;
  etag?: string;
  /** When the device last had an answer for it (200 or 304), epoch ms. */
  checkedAt: number;
  list: DoorListState;
};

/**
 * A scan this device admitted offline. `pending` until the server has it; `conflict` when the
 * server disagreed (kept, with the server's verdict, until someone has seen it); `rejected` when
 * the server refused the request itself (not assigned to the door any more...).
 */
export type QueuedScan = {
  scanId: string;
  state: 'pending' | 'conflict' | 'rejected';
  request: ScanRequest;
  /** The door's day of the scan. */
  day: string;
  admission: Admission;
  result?: ScanResult;
  problem?: string;
};

interface ScannerDb extends DBSchema {
  doorLists: { key: string; value: StoredDoorList };
  scans: { key: string; value: QueuedScan; indexes: { byState: string } };
  keys: { key: string; value: TicketKey };
}

export type ScannerDatabase = IDBPDatabase<ScannerDb>;

export const SCANNER_DB_NAME = 'grandjour-scanner';

let opened: Promise<ScannerDatabase> | undefined;

/** The device's scanner database (door lists, signing keys, scans to sync), opened once. */
export function scannerDb(name = SCANNER_DB_NAME): Promise<ScannerDatabase> {
  if (name !== SCANNER_DB_NAME) return openScannerDb(name);
  opened ??= openScannerDb(name);
  opened.catch(() => (opened = undefined));
  return opened;
}

export function openScannerDb(name: string): Promise<ScannerDatabase> {
  return openDB<ScannerDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('doorLists', { keyPath: 'key' });
      db.createObjectStore('scans', { keyPath: 'scanId' }).createIndex('byState', 'state');
      db.createObjectStore('keys', { keyPath: 'kid' });
    },
  });
}

export const doorListKey = (attractionId: number, day: string) => `${attractionId}:${day}`;

export function getStoredDoorList(db: ScannerDatabase, attractionId: number, day: string) {
  return db.get('doorLists', doorListKey(attractionId, day));
}

/** Keeps a list the server sent (and its keys, which verify tickets of any door and day). */
export async function storeDoorList(db: ScannerDatabase, list: DoorList, etag: string | undefined, now = Date.now()) {
  const tx = db.transaction(['doorLists', 'keys'], 'readwrite');
  await Promise.all([
    tx.objectStore('doorLists').put({ key: doorListKey(list.attractionId, list.day), etag, checkedAt: now, list }),
    ...list.keys.map((key) => tx.objectStore('keys').put(key)),
    tx.done,
  ]);
}

/** Notes a 304: the stored list is still the server's. */
export async function touchDoorList(db: ScannerDatabase, attractionId: number, day: string, now = Date.now()) {
  const tx = db.transaction('doorLists', 'readwrite');
  const stored = await tx.store.get(doorListKey(attractionId, day));
  if (stored) await tx.store.put({ ...stored, checkedAt: now });
  await tx.done;
}

/** Applies what an online verdict said to the stored server list (it stays so until the next refresh). */
export async function applyToStoredList(db: ScannerDatabase, attractionId: number, day: string, admission: Admission) {
  const tx = db.transaction('doorLists', 'readwrite');
  const stored = await tx.store.get(doorListKey(attractionId, day));
  if (stored) await tx.store.put({ ...stored, list: applyAdmission(stored.list, admission) });
  await tx.done;
}

export function allKeys(db: ScannerDatabase): Promise<TicketKey[]> {
  return db.getAll('keys');
}

/** Queues a scan admitted offline. */
export async function queueScan(db: ScannerDatabase, scan: Omit<QueuedScan, 'state'>) {
  await db.put('scans', { ...scan, state: 'pending' });
}

const byScannedAt = (a: QueuedScan, b: QueuedScan) => a.request.scannedAt.localeCompare(b.request.scannedAt);

/** Scans waiting for the server, oldest first. */
export async function pendingScans(db: ScannerDatabase): Promise<QueuedScan[]> {
  return (await db.getAllFromIndex('scans', 'byState', 'pending')).sort(byScannedAt);
}

/** Scans the server disagreed with or refused, oldest first. */
export async function unsettledScans(db: ScannerDatabase): Promise<QueuedScan[]> {
  const [conflicts, rejected] = await Promise.all([
    db.getAllFromIndex('scans', 'byState', 'conflict'),
    db.getAllFromIndex('scans', 'byState', 'rejected'),
  ]);
  return [...conflicts, ...rejected].sort(byScannedAt);
}

export async function removeScan(db: ScannerDatabase, scanId: string) {
  await db.delete('scans', scanId);
}

export async function settleScan(
  db: ScannerDatabase,
  scanId: string,
  change: Pick<QueuedScan, 'state'> & Partial<Pick<QueuedScan, 'result' | 'problem'>>,
) {
  const tx = db.transaction('scans', 'readwrite');
  const scan = await tx.store.get(scanId);
  if (scan) await tx.store.put({ ...scan, ...change });
  await tx.done;
}
