import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { SCAN_SYNC_RETRY_MS } from '@/config/settings';
import { api, unwrap } from '@/lib/api/client';
import { useAuth } from '@/lib/auth';
import type { ScanRequest, ScanResult } from '@/lib/api/types';
import { scannerDb } from '../offline/door-store';
import { syncQueue, type SyncOutcome } from '../offline/sync-queue';

/** Scans made offline (1..500), which the server processes in the order they were made. */
export async function sendScanBatch(scans: ScanRequest[]): Promise<ScanResult[]> {
  return (await unwrap(api.POST('/api/scans/batch', { body: { scans } }))).results;
}

let running: Promise<SyncOutcome> | undefined;

/** Sends the device's queued scans now; one sync at a time (a second call joins the running one). */
export function syncScans(): Promise<SyncOutcome> {
  running ??= scannerDb()
    .then((db) => syncQueue(db, sendScanBatch))
    .finally(() => {
      running = undefined;
    });
  return running;
}

/** Every query of the device's local door state (counts, queue, conflicts). */
export const localScannerStateKey = ['scanner', 'local'] as const;

/**
 * Syncs the queued scans as soon as the network is back (`online` event), on open, when the login is
 * confirmed by Keycloak (a phone that started offline has no token before), and every
 * SCAN_SYNC_RETRY_MS while some wait; then refreshes the local state shown. `onSynced` hears of each
 * sync that reached the server.
 */
export function useScanSync({ pending, onSynced }: { pending: number; onSynced?: (outcome: SyncOutcome) => void }) {
  const queryClient = useQueryClient();
  const tokenReady = useAuth().status === 'ready';
  const onSyncedRef = useRef(onSynced);
  useEffect(() => {
    onSyncedRef.current = onSynced;
  });

  useEffect(() => {
    let active = true;
    const run = () => {
      void syncScans().then(
        (outcome) => {
          if (!active) return;
          if (outcome.synced + outcome.conflicts + outcome.rejected > 0) {
            void queryClient.invalidateQueries({ queryKey: localScannerStateKey });
          }
          if (!outcome.stopped) onSyncedRef.current?.(outcome);
        },
        (error: unknown) => console.warn('Scan sync failed', error),
      );
    };
    if (pending > 0) run();
    window.addEventListener('online', run);
    const timer = pending > 0 ? window.setInterval(run, SCAN_SYNC_RETRY_MS) : undefined;
    return () => {
      active = false;
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [pending, queryClient, tokenReady]);
}
