import { useMutation } from '@tanstack/react-query';
import { SCAN_TIMEOUT_MS } from '@/config/settings';
import { api, unwrap } from '@/lib/api/client';
import type { ScanRequest, ScanResult } from '@/lib/api/types';

/**
 * Sends one scan: the server's verdict (a bad ticket is a verdict, not an error). Gives up after
 * `timeoutMs` (a NetworkError, so that the door decides offline and queues the scan with the same
 * scan id: the server will not admit twice).
 */
export function scanTicket(request: ScanRequest, { timeoutMs = SCAN_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<ScanResult> {
  return unwrap(api.POST('/api/scans', { body: request, signal: AbortSignal.timeout(timeoutMs) }));
}

/** Sends a scan, whatever the browser thinks of the network (the door falls back to its own verdict). */
export function useScanTicket() {
  return useMutation({
    mutationFn: (request: ScanRequest) => scanTicket(request),
    networkMode: 'always',
    retry: false,
  });
}
