import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OFFLINE_HOLD_MS, SAME_CODE_PAUSE_MS } from '@/config/settings';
import { newIdempotencyKey } from '@/lib/api/idempotency';
import type { ScanRequest } from '@/lib/api/types';
import { useDoorList } from '../api/get-door-list';
import { useScanTicket } from '../api/scan-ticket';
import { localScannerStateKey, useScanSync } from '../api/sync-scans';
import { calendarDay } from '../offline/calendar-day';
import { removeScan, scannerDb } from '../offline/door-store';
import { judgeScan } from '../offline/judge-scan';
import type { OfflineDecision } from '../offline/offline-decision';
import { deviceId } from '../utils/device-id';
import { doorTimeZone } from '../utils/door-time-zone';
import { signalVerdict } from '../utils/feedback';
import { useDoorState } from './use-door-state';
import { useBrowserOnline } from './use-online';
import type { LookTiming } from './use-qr-camera';

export type ScanSource = 'camera' | 'typed' | 'keyboard';

/** A verdict on screen: the server's, or the device's own when offline. */
export type ShownVerdict = {
  scanId: string;
  code: string;
  scannedAt: string;
  source: ScanSource;
  /** Everything the screen needs; the server's ScanResult and the offline decision both fit. */
  result: OfflineDecision;
  offline: boolean;
  /** An offline admission waiting for the server. */
  queued: boolean;
  timing?: LookTiming;
};

/** The clock, read every minute (a door list is per day). */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Everything the door does for one attraction: keeps its list on the device, judges each code read
 * (online, else offline), shows the verdict, syncs the offline admissions.
 */
export function useDoorScanner(attractionId: number) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  // Today in the edition's zone (read again at each render: a new door list may have brought it).
  const timeZone = doorTimeZone(attractionId);
  const today = calendarDay(now, timeZone);
  const doorList = useDoorList(attractionId, today);
  const doorState = useDoorState(attractionId, today);
  const scanTicket = useScanTicket();
  const browserOnline = useBrowserOnline();

  const [verdict, setVerdict] = useState<ShownVerdict>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  /** Persons to admit with the next ticket; undefined: everyone of the party not yet in. */
  const [persons, setPersons] = useState<number>();
  /** A scan just found no network: the next ones are judged offline at once, for a while. */
  const [holdOffline, setHoldOffline] = useState(false);

  const busyRef = useRef(false);
  const verdictRef = useRef<ShownVerdict | undefined>(undefined);
  const lastJudged = useRef<{ code: string; at: number } | undefined>(undefined);
  const personsRef = useRef(persons);
  useEffect(() => {
    verdictRef.current = verdict;
    personsRef.current = persons;
  });

  const refreshLocal = useCallback(
    () => queryClient.invalidateQueries({ queryKey: localScannerStateKey }),
    [queryClient],
  );

  useEffect(() => {
    if (!holdOffline) return;
    const timer = window.setTimeout(() => setHoldOffline(false), OFFLINE_HOLD_MS);
    return () => window.clearTimeout(timer);
  }, [holdOffline]);

  // The stored list changed (or was confirmed): read it again; the server answered, so it is reachable.
  const listUpdatedAt = doorList.dataUpdatedAt;
  useEffect(() => {
    if (listUpdatedAt === 0) return;
    void refreshLocal().then(() => setHoldOffline(false));
  }, [listUpdatedAt, refreshLocal]);

  const pending = doorState.data?.pendingCount ?? 0;
  useScanSync({
    pending,
    onSynced: (outcome) => {
      if (outcome.synced + outcome.conflicts + outcome.rejected > 0) {
        setHoldOffline(false);
        void doorList.refetch();
      }
    },
  });

  const online = browserOnline && !holdOffline;

  const judge = useCallback(
    async (code: string, source: ScanSource, { timing, persons: chosen }: { timing?: LookTiming; persons?: number } = {}) => {
      busyRef.current = true;
      setBusy(true);
      setError(undefined);
      const request: ScanRequest = {
        code,
        attractionId,
        deviceId: deviceId(),
        scanId: newIdempotencyKey(),
        scannedAt: new Date().toISOString(),
        ...(chosen ? { persons: chosen } : {}),
      };
      try {
        const db = await scannerDb();
        const judgement = await judgeScan({
          db,
          send: (r) => scanTicket.mutateAsync(r),
          request,
          today,
          tryOnline: online,
        });
        setHoldOffline(judgement.offline && online);
        const shown: ShownVerdict = {
          scanId: request.scanId,
          code,
          scannedAt: request.scannedAt,
          source,
          result: judgement.result,
          offline: judgement.offline,
          queued: judgement.offline && judgement.queued,
          timing: timing && { ...timing, judgedAt: performance.now() },
        };
        lastJudged.current = { code, at: performance.now() };
        setPersons(undefined);
        setVerdict(shown);
        signalVerdict(judgement.result.verdict === 'ADMITTED');
        void refreshLocal();
      } catch (failure) {
        setError(failure);
        signalVerdict(false);
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [attractionId, online, refreshLocal, scanTicket, today],
  );

  /** A code read by the camera, typed, or sent by a keyboard-wedge scanner; true when it is being judged. */
  const submitCode = useCallback(
    (raw: string, source: ScanSource, timing?: LookTiming): boolean => {
      const code = raw.trim();
      if (!code || busyRef.current) return false;
      if (source === 'camera') {
        if (verdictRef.current) return false;
        const last = lastJudged.current;
        if (last && last.code === code && performance.now() - last.at < SAME_CODE_PAUSE_MS) return false;
      }
      setVerdict(undefined);
      void judge(code, source, { timing, persons: personsRef.current });
      return true;
    },
    [judge],
  );

  /** Admits more of the party shown (who came later, or fewer than asked): a new scan with `persons`. */
  const admitMore = useCallback(
    (count: number) => {
      const shown = verdictRef.current;
      if (!shown || busyRef.current) return;
      void judge(shown.code, shown.source, { persons: count });
    },
    [judge],
  );

  const dismiss = useCallback(() => setVerdict(undefined), []);

  const forgetScan = useCallback(
    async (scanId: string) => {
      await removeScan(await scannerDb(), scanId);
      await refreshLocal();
    },
    [refreshLocal],
  );

  return {
    today,
    timeZone,
    online,
    doorList,
    doorState,
    verdict,
    error,
    clearError: () => setError(undefined),
    busy,
    persons,
    setPersons,
    submitCode,
    admitMore,
    dismiss,
    forgetScan,
  };
}
