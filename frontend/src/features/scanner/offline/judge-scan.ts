import { ApiError, NetworkError } from '@/lib/api/errors';
import type { ScanRequest, ScanResult } from '@/lib/api/types';
import { admissionOfResult } from './door-list-state';
import { readDoorState } from './door-state';
import { applyToStoredList, queueScan, type ScannerDatabase } from './door-store';
import { decideOffline, type OfflineDecision } from './offline-decision';

export type SendScan = (request: ScanRequest) => Promise<ScanResult>;

export type Judgement =
  | { offline: false; request: ScanRequest; result: ScanResult }
  | { offline: true; request: ScanRequest; result: OfflineDecision; queued: boolean };

/** No usable answer: no network, a timeout, or a server (or its proxy) that cannot answer now. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
}

type Input = {
  db: ScannerDatabase;
  send: SendScan;
  request: ScanRequest;
  /** The door's day (today in the tickets' time zone). */
  today: string;
  /** False when the device knows it is offline: no request is tried. */
  tryOnline: boolean;
};

// The door's half of the admission rule (with offline-decision.ts, whose comment lists what must change
// together with backend/src/main/java/org/grandjour/scan/ScanService.java). Besides the verdict order,
// day check and partial admission listed there, the two sides share the sync contract: only an offline
// ADMITTED is queued, with its scan id and `persons` = those let in, and `localVerdict: ADMITTED`; the
// server replays a scan id it has seen, judges the batch in `scannedAt` order, and flags a conflict when
// it does not admit what the door did.

/**
 * The verdict of one scan: the server's when it answers; otherwise the device's own (signature,
 * attraction, day, local door list), an admission being queued, with the same scan id, for the
 * server. Errors other than "unreachable" (401, 403 not-assigned, 400) are thrown.
 */
export async function judgeScan({ db, send, request, today, tryOnline }: Input): Promise<Judgement> {
  if (tryOnline) {
    try {
      const result = await send(request);
      const admission = admissionOfResult(result, request, { attractionId: request.attractionId, day: today });
      if (admission) await applyToStoredList(db, request.attractionId, today, admission);
      return { offline: false, request, result };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
  }
  const state = await readDoorState(db, request.attractionId, today);
  const result = await decideOffline({
    code: request.code,
    attractionId: request.attractionId,
    today,
    list: state.list,
    keys: state.keys,
    persons: request.persons ?? undefined,
  });
  const { ticketId, partySize } = result;
  if (result.verdict !== 'ADMITTED' || ticketId == null || partySize == null) {
    // Refusals are not queued: sent later, the server could admit a party the door turned away.
    return { offline: true, request, result, queued: false };
  }
  await queueScan(db, {
    scanId: request.scanId,
    // The persons the door let in, said explicitly: the server flags a conflict if it cannot agree.
    request: { ...request, persons: result.personsAdmittedNow, localVerdict: 'ADMITTED' },
    day: today,
    admission: {
      ticketId,
      partySize,
      personsAfter: result.personsAdmittedBefore + result.personsAdmittedNow,
      holderFirstName: result.holderFirstName ?? undefined,
      at: request.scannedAt,
      by: request.deviceId,
    },
  });
  return { offline: true, request, result, queued: true };
}
