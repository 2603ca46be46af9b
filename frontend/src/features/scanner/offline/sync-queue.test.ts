import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api/errors';
import type { DoorList, ScanRequest, ScanResult } from '@/lib/api/types';
import { typedProblem } from '@/testing/fixtures';
import { ticketSigner, type TicketSigner } from '@/testing/signed-tickets';
import { readDoorState } from './door-state';
import { openScannerDb, pendingScans, storeDoorList, type ScannerDatabase } from './door-store';
import { judgeScan, type SendScan } from './judge-scan';
import { syncQueue } from './sync-queue';

const DOOR = 3;
const TODAY = '2026-03-28';

let signer: TicketSigner;
let db: ScannerDatabase;
let dbCount = 0;

function serverList(overrides: Partial<DoorList> = {}): DoorList {
  return {
    attractionId: DOOR,
    day: TODAY,
    generatedAt: '2026-03-28T08:00:00Z',
    timeZone: 'Europe/Paris',
    personsAdmitted: 3,
    keys: [signer.key],
    tickets: [
      { ticketId: 10, code: '7KQ2-M9XD-4TRB-HC3N', partySize: 2, personsAdmitted: 0, status: 'ACTIVE', holderFirstName: 'Rose' },
      { ticketId: 11, code: 'AB12-CD34-EF56-GH78', partySize: 3, personsAdmitted: 3, status: 'ACTIVE', holderFirstName: 'Paul' },
      { ticketId: 13, code: 'QQ12-CD34-EF56-GH78', partySize: 4, personsAdmitted: 0, status: 'ACTIVE', holderFirstName: 'Tom' },
    ],
    ...overrides,
  };
}

let scans = 0;
function request(code: string, overrides: Partial<ScanRequest> = {}): ScanRequest {
  scans++;
  return {
    code,
    attractionId: DOOR,
    deviceId: 'gj-TEST',
    scanId: `00000000-0000-4000-8000-${String(scans).padStart(12, '0')}`,
    scannedAt: `2026-03-28T09:${String(scans % 60).padStart(2, '0')}:00Z`,
    ...overrides,
  };
}

/** What the server answers for a scan, all fields given. */
function result(scan: ScanRequest, overrides: Partial<ScanResult>): ScanResult {
  return {
    scanId: scan.scanId,
    verdict: 'ADMITTED',
    ticketId: 10,
    partySize: 2,
    personsAdmittedNow: 2,
    personsAdmittedBefore: 0,
    personsRemaining: 0,
    holderFirstName: 'Rose',
    offerId: 70,
    attractionId: DOOR,
    day: TODAY,
    conflict: false,
    reason: 'Admit 2 of 2.',
    ...overrides,
  };
}

const unreachable: SendScan = () => Promise.reject(new NetworkError(new TypeError('Failed to fetch')));

const qr = (ticketId: number, partySize = 2) => signer.sign({ t: ticketId, o: 70, a: DOOR, d: TODAY, p: partySize });

beforeAll(async () => {
  signer = await ticketSigner();
});

beforeEach(async () => {
  db = await openScannerDb(`scanner-test-${++dbCount}`);
  await storeDoorList(db, serverList(), 'W/"v1"');
});

describe('judging a scan', () => {
  it('takes the server’s verdict when it answers, and notes it in the stored list', async () => {
    const scan = request(await qr(10));
    const judgement = await judgeScan({ db, send: async (r) => result(r, {}), request: scan, today: TODAY, tryOnline: true });
    expect(judgement).toMatchObject({ offline: false, result: { verdict: 'ADMITTED', personsAdmittedNow: 2 } });
    const state = await readDoorState(db, DOOR, TODAY);
    expect(state.pendingCount).toBe(0);
    expect(state.list?.personsAdmitted).toBe(5);
    expect(state.list?.tickets.find((t) => t.ticketId === 10)?.personsAdmitted).toBe(2);
  });

  it('decides offline when the network fails, and queues the admission with its scan id', async () => {
    const scan = request(await qr(10));
    const judgement = await judgeScan({ db, send: unreachable, request: scan, today: TODAY, tryOnline: true });
    expect(judgement).toMatchObject({ offline: true, queued: true, result: { verdict: 'ADMITTED', personsAdmittedNow: 2 } });
    const [queued] = await pendingScans(db);
    expect(queued?.request).toEqual({ ...scan, persons: 2, localVerdict: 'ADMITTED' });
    const state = await readDoorState(db, DOOR, TODAY);
    expect(state.pendingCount).toBe(1);
    expect(state.list?.personsAdmitted).toBe(5); // 3 from the server + 2 here
    // The same ticket again, still offline: already used, by this device.
    const again = await judgeScan({ db, send: unreachable, request: request(await qr(10)), today: TODAY, tryOnline: false });
    expect(again).toMatchObject({ offline: true, queued: false, result: { verdict: 'ALREADY_USED', firstAdmittedBy: 'gj-TEST' } });
    expect((await readDoorState(db, DOOR, TODAY)).pendingCount).toBe(1);
  });

  it('decides offline when the server cannot answer (503), not when it refuses (403)', async () => {
    const down: SendScan = () => Promise.reject(new ApiError(typedProblem('unavailable', 503)));
    expect(await judgeScan({ db, send: down, request: request('7KQ2M9XD4TRBHC3N'), today: TODAY, tryOnline: true })).toMatchObject({
      offline: true,
      result: { verdict: 'ADMITTED' },
    });
    const refused: SendScan = () => Promise.reject(new ApiError(typedProblem('not-assigned', 403)));
    await expect(judgeScan({ db, send: refused, request: request(await qr(13, 4)), today: TODAY, tryOnline: true })).rejects.toThrow(
      ApiError,
    );
    expect((await pendingScans(db)).map((s) => s.admission.ticketId)).toEqual([10]);
  });

  it('does not even try the network when the browser says it is offline', async () => {
    const send = vi.fn(unreachable);
    await judgeScan({ db, send, request: request(await qr(10)), today: TODAY, tryOnline: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('never queues a refusal', async () => {
    const judgement = await judgeScan({ db, send: unreachable, request: request(await qr(11, 3)), today: TODAY, tryOnline: true });
    expect(judgement).toMatchObject({ offline: true, queued: false, result: { verdict: 'ALREADY_USED' } });
    expect(await pendingScans(db)).toEqual([]);
  });
});

describe('syncing the queue', () => {
  async function admitOffline(code: string, persons?: number) {
    const scan = request(code, persons ? { persons } : {});
    await judgeScan({ db, send: unreachable, request: scan, today: TODAY, tryOnline: false });
    return scan;
  }

  it('sends the queued scans in one batch, oldest first, and empties the queue when the server agrees', async () => {
    const first = await admitOffline(await qr(10));
    const second = await admitOffline(await qr(13, 4), 1);
    const send = vi.fn(async (batch: ScanRequest[]) =>
      batch.map((r) =>
        r.scanId === first.scanId
          ? result(r, {})
          : result(r, { ticketId: 13, partySize: 4, personsAdmittedNow: 1, personsRemaining: 3, holderFirstName: 'Tom' }),
      ),
    );
    expect(await syncQueue(db, send)).toEqual({ synced: 2, conflicts: 0, rejected: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].map((r) => [r.scanId, r.localVerdict, r.persons])).toEqual([
      [first.scanId, 'ADMITTED', 2],
      [second.scanId, 'ADMITTED', 1],
    ]);
    const state = await readDoorState(db, DOOR, TODAY);
    expect(state.pendingCount).toBe(0);
    expect(state.unsettled).toEqual([]);
    expect(state.list?.personsAdmitted).toBe(6); // 3 + 2 + 1, now in the stored server list
  });

  it('keeps a scan the server disagreed with, with its verdict, as a conflict', async () => {
    const scan = await admitOffline(await qr(10));
    const outcome = await syncQueue(db, async (batch) =>
      batch.map((r) =>
        result(r, {
          verdict: 'ALREADY_USED',
          personsAdmittedNow: 0,
          personsAdmittedBefore: 2,
          conflict: true,
          firstAdmittedAt: '2026-03-28T08:55:00Z',
          firstAdmittedBy: 'gj-OTHR',
          reason: 'The whole party (2) has already been admitted.',
        }),
      ),
    );
    expect(outcome).toEqual({ synced: 0, conflicts: 1, rejected: 0 });
    const state = await readDoorState(db, DOOR, TODAY);
    expect(state.pendingCount).toBe(0);
    expect(state.unsettled).toHaveLength(1);
    expect(state.unsettled[0]).toMatchObject({ scanId: scan.scanId, state: 'conflict', result: { firstAdmittedBy: 'gj-OTHR' } });
    expect(state.list?.personsAdmitted).toBe(5); // the server's count for the ticket: 2
  });

  it('flags a disagreement even when the server does not (a verdict replayed from an earlier online try)', async () => {
    await admitOffline(await qr(10));
    const outcome = await syncQueue(db, async (batch) =>
      batch.map((r) => result(r, { verdict: 'ALREADY_USED', personsAdmittedNow: 0, conflict: false })),
    );
    expect(outcome.conflicts).toBe(1);
  });

  it('keeps everything pending when the network fails, for the next try with the same scan ids', async () => {
    const scan = await admitOffline(await qr(10));
    const outcome = await syncQueue(db, () => Promise.reject(new NetworkError()));
    expect(outcome).toEqual({ synced: 0, conflicts: 0, rejected: 0, stopped: 'offline' });
    expect((await pendingScans(db)).map((s) => s.scanId)).toEqual([scan.scanId]);
    const unauthorized = await syncQueue(db, () => Promise.reject(new ApiError(typedProblem('unauthorized', 401))));
    expect(unauthorized.stopped).toBe('unauthorized');
    expect(await pendingScans(db)).toHaveLength(1);
    expect(await syncQueue(db, async (batch) => batch.map((r) => result(r, {})))).toMatchObject({ synced: 1 });
  });

  it('sets aside the scans of a door the server refuses (403), and still sends the others', async () => {
    await storeDoorList(db, serverList({ attractionId: 4, keys: [signer.key] }), 'W/"v4"');
    await admitOffline(await qr(10));
    const otherDoor = request(await signer.sign({ t: 10, o: 71, a: 4, d: TODAY, p: 2 }), { attractionId: 4 });
    await judgeScan({ db, send: unreachable, request: otherDoor, today: TODAY, tryOnline: false });
    const send = vi.fn(async (batch: ScanRequest[]) => {
      if (batch[0]!.attractionId === 4) throw new ApiError(typedProblem('not-assigned', 403, 'You are not assigned to attraction 4'));
      return batch.map((r) => result(r, {}));
    });
    expect(await syncQueue(db, send)).toEqual({ synced: 1, conflicts: 0, rejected: 1 });
    const state = await readDoorState(db, 4, TODAY);
    expect(state.unsettled).toMatchObject([{ state: 'rejected', problem: 'You are not assigned to attraction 4' }]);
  });

  it('sends at most the batch size per request', async () => {
    for (const id of [10, 13]) await admitOffline(await qr(id, id === 13 ? 4 : 2));
    await admitOffline('QQ12-CD34-EF56-GH78'); // the rest of Tom's party... already all in: refused, not queued
    const send = vi.fn(async (batch: ScanRequest[]) => batch.map((r) => result(r, {})));
    expect(await syncQueue(db, send, 1)).toMatchObject({ synced: 2 });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
