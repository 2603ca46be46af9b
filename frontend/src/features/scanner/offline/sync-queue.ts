import { ApiError } from '@/lib/api/errors';
import type { ScanRequest, ScanResult } from '@/lib/api/types';
import { admissionOfResult } from './door-list-state';
import { applyToStoredList, pendingScans, removeScan, settleScan, type QueuedScan, type ScannerDatabase } from './door-store';

export type SendBatch = (scans: ScanRequest[]) => Promise<ScanResult[]>;

export type SyncOutcome = {
  /** Scans the server took and agreed with. */
  synced: number;
  /** Scans the server took but judged otherwise (the party may have come in twice). */
  conflicts: number;
  /** Scans the server refused to take (a 4xx: the door is not this account's any more...). */
  rejected: number;
  /** Why the sync stopped early, leaving scans pending for the next try. */
  stopped?: 'offline' | 'unauthorized' | 'server';
};

/** The server's batch limit. */
export const MAX_BATCH = 500;

function chunks(scans: QueuedScan[], size: number): QueuedScan[][] {
  // One door per request: a door this account may no longer scan for refuses its own scans only.
  const byDoor = new Map<number, QueuedScan[]>();
  for (const scan of scans) {
    const door = byDoor.get(scan.request.attractionId) ?? [];
    door.push(scan);
    byDoor.set(scan.request.attractionId, door);
  }
  return [...byDoor.values()].flatMap((door) =>
    Array.from({ length: Math.ceil(door.length / size) }, (_, i) => door.slice(i * size, (i + 1) * size)),
  );
}

/** A refusal of the request itself that sending it again will not change. */
function isFinalRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

/** Whether the server disagreed with the device's offline admission. */
export function isConflict(result: ScanResult): boolean {
  return result.conflict || result.verdict !== 'ADMITTED';
}

/**
 * Sends the scans admitted offline, oldest first, through the batch endpoint; each keeps its scan id,
 * so a batch whose answer was lost can be sent again safely. A scan the server agrees with leaves the
 * queue; one it disagrees with stays as a conflict, with the server's verdict, to be shown. What the
 * server answered goes into the stored door list, so the counts stay right until the next refresh.
 */
export async function syncQueue(db: ScannerDatabase, send: SendBatch, batchSize = MAX_BATCH): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { synced: 0, conflicts: 0, rejected: 0 };
  for (const chunk of chunks(await pendingScans(db), batchSize)) {
    let results: ScanResult[];
    try {
      results = await send(chunk.map((scan) => scan.request));
    } catch (error) {
      if (isFinalRefusal(error)) {
        const problem = error.problem.detail || error.problem.title;
        for (const scan of chunk) await settleScan(db, scan.scanId, { state: 'rejected', problem });
        outcome.rejected += chunk.length;
        continue;
      }
      outcome.stopped = error instanceof ApiError ? (error.status === 401 ? 'unauthorized' : 'server') : 'offline';
      return outcome;
    }
    const byId = new Map(results.map((r) => [r.scanId, r]));
    for (const scan of chunk) {
      const result = byId.get(scan.scanId);
      if (!result) continue; // not answered: stays pending
      const admission = admissionOfResult(result, scan.request, { attractionId: scan.request.attractionId, day: scan.day });
      if (admission) await applyToStoredList(db, scan.request.attractionId, scan.day, admission);
      if (isConflict(result)) {
        await settleScan(db, scan.scanId, { state: 'conflict', result });
        outcome.conflicts++;
      } else {
        await removeScan(db, scan.scanId);
        outcome.synced++;
      }
    }
  }
  return outcome;
}
