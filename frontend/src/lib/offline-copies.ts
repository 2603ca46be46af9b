import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Copies of what a logged-in user has seen (their tickets, QR codes), kept on the device in IndexedDB
 * so that they open without network: a resident at the door with no signal still shows the ticket.
 * Per user (another login never reads them) and wiped on logout (auth-provider). Never a cache of
 * /api in general: a feature saves what it must show offline, and says it is an offline copy.
 */
export type OfflineCopy<T> = {
  /** `${username}\u0000${key}` */
  id: string;
  value: T;
  /** When it was saved (the last answer of the server), epoch ms. */
  savedAt: number;
};

interface CopiesDb extends DBSchema {
  copies: { key: string; value: OfflineCopy<unknown> };
}

export const OFFLINE_COPIES_DB_NAME = 'grandjour-offline-copies';

let opened: Promise<IDBPDatabase<CopiesDb>> | undefined;

function copiesDb(): Promise<IDBPDatabase<CopiesDb>> {
  opened ??= openDB<CopiesDb>(OFFLINE_COPIES_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('copies', { keyPath: 'id' });
    },
    // A deleteDatabase elsewhere (logout in another tab) waits for this connection: let it go.
    blocking() {
      void opened?.then((db) => db.close());
      opened = undefined;
    },
  });
  opened.catch(() => (opened = undefined));
  return opened;
}

const available = () => typeof indexedDB !== 'undefined';
const idOf = (username: string, key: string) => `${username}\u0000${key}`;

/** Saves (replaces) a copy; never fails the caller (private mode, storage full: no copy, that is all). */
export async function saveOfflineCopy<T>(username: string, key: string, value: T, savedAt = Date.now()): Promise<void> {
  if (!available() || !username) return;
  try {
    await (await copiesDb()).put('copies', { id: idOf(username, key), value, savedAt });
  } catch (error) {
    console.warn('Offline copy not saved', error);
  }
}

/** The copy saved for this user and key, if any. */
export async function readOfflineCopy<T>(username: string, key: string): Promise<OfflineCopy<T> | undefined> {
  if (!available() || !username) return undefined;
  try {
    return (await (await copiesDb()).get('copies', idOf(username, key))) as OfflineCopy<T> | undefined;
  } catch {
    return undefined;
  }
}

/** Wipes every copy of every user of this device (logout, or a session that ended). */
export async function clearOfflineCopies(): Promise<void> {
  if (!available()) return;
  try {
    await (await copiesDb()).clear('copies');
  } catch (error) {
    console.warn('Offline copies not cleared', error);
  }
}
