import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrapResponse } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { EditionStats } from '@/lib/api/types';
import { keycloak } from '@/lib/auth/keycloak';
import { STREAM_RETRY_FIRST_MS, STREAM_RETRY_MAX_MS, STREAM_SILENCE_MS } from '../settings';
import { createSseParser } from '../utils/sse';
import { compactStatsFilters, getEditionStatsQueryOptions, type StatsFilters } from './get-edition-stats';

/**
 * Opens the live figures stream (`text/event-stream`). It needs the bearer token, which EventSource
 * cannot send: the typed client fetches it (its middleware refreshes the token first) and gives the body.
 */
export async function openEditionStatsStream(
  editionId: number,
  filters: StatsFilters,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array> | null> {
  const { data } = await unwrapResponse(
    api.GET('/api/editions/{editionId}/stats/stream', {
      params: { path: { editionId }, query: compactStatsFilters(filters) },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'stream',
      cache: 'no-store',
      signal,
    }),
  );
  return data;
}

/** connecting: first connection; live: figures received; reconnecting: waiting to try again; stopped: refused for good. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export type StreamOptions = {
  editionId: number;
  filters: StatsFilters;
  signal: AbortSignal;
  onStats: (stats: EditionStats) => void;
  onStatus: (status: StreamStatus, error?: unknown) => void;
  retryFirstMs?: number;
  retryMaxMs?: number;
  silenceMs?: number;
};

/** The wait before reconnection attempt `attempt` (0, 1, ...): doubled each time, capped, with jitter. */
export function retryDelay(attempt: number, first = STREAM_RETRY_FIRST_MS, max = STREAM_RETRY_MAX_MS): number {
  const base = Math.min(max, first * 2 ** Math.min(attempt, 20));
  return Math.round(base * (1 + Math.random() * 0.2));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** 400 (bad filter), 403 (not an organiser), 404 (no such edition): trying again cannot help. */
const isFinal = (error: unknown) => error instanceof ApiError && [400, 403, 404].includes(error.status);

/**
 * Reads the stream until `signal` aborts: each `data:` event's figures go to `onStats`. When the
 * stream ends, fails or stays silent too long (no heartbeat), it reconnects with a growing delay;
 * after a 401 it forces a token refresh first (the middleware refreshes tokens about to expire anyway).
 */
export async function runEditionStatsStream({
  editionId,
  filters,
  signal,
  onStats,
  onStatus,
  retryFirstMs = STREAM_RETRY_FIRST_MS,
  retryMaxMs = STREAM_RETRY_MAX_MS,
  silenceMs = STREAM_SILENCE_MS,
}: StreamOptions): Promise<void> {
  let attempt = 0;
  onStatus('connecting');
  while (!signal.aborted) {
    const connection = new AbortController();
    const abort = () => connection.abort();
    signal.addEventListener('abort', abort, { once: true });
    let silence: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(abort, silenceMs);
    };
    let failure: unknown;
    try {
      watch();
      const body = await openEditionStatsStream(editionId, filters, connection.signal);
      if (body) {
        const reader = body.getReader();
        // Aborting the fetch errors the body in browsers; cancelling the reader makes sure the read ends.
        connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
        const decoder = new TextDecoder();
        const parser = createSseParser((event) => {
          if (event.type !== 'message') return;
          let stats: EditionStats;
          try {
            stats = JSON.parse(event.data) as EditionStats;
          } catch {
            return; // not JSON: skip it, the next event will come
          }
          attempt = 0;
          onStats(stats);
        });
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            watch();
            parser.push(decoder.decode(value, { stream: true }));
          }
        } finally {
          reader.releaseLock();
        }
      }
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', abort);
      connection.abort(); // closes the connection if it is still open
    }
    if (signal.aborted) return;
    if (isFinal(failure)) {
      onStatus('stopped', failure);
      return;
    }
    onStatus('reconnecting', failure);
    if (failure instanceof ApiError && failure.status === 401 && keycloak?.authenticated) {
      await keycloak.updateToken(-1).catch(() => undefined);
    }
    await sleep(retryDelay(attempt, retryFirstMs, retryMaxMs), signal);
    attempt += 1;
  }
}

export type StreamState = {
  status: StreamStatus;
  /** When the last figures arrived (ms since the epoch). */
  lastEventAt?: number;
  /** Why the stream stopped or is reconnecting. */
  error?: unknown;
};

/**
 * Keeps the dashboard live: runs the stream of an edition's figures (with these filters) while
 * mounted and puts every value into the stats query's cache entry, so whatever shows the figures
 * shows the latest. Restarts when the edition or the filters change.
 */
export function useEditionStatsStream(editionId: number, filters: StatsFilters, enabled = true): StreamState {
  const queryClient = useQueryClient();
  const filtersKey = JSON.stringify(compactStatsFilters(filters));
  const streamKey = `${editionId}?${filtersKey}`;
  const [state, setState] = useState<StreamState & { streamKey: string }>({ status: 'connecting', streamKey });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const streamFilters = JSON.parse(filtersKey) as StatsFilters;
    const { queryKey } = getEditionStatsQueryOptions(editionId, streamFilters);
    void runEditionStatsStream({
      editionId,
      filters: streamFilters,
      signal: controller.signal,
      onStats: (stats) => {
        queryClient.setQueryData(queryKey, stats);
        setState({ status: 'live', lastEventAt: Date.now(), streamKey });
      },
      onStatus: (status, error) => {
        // `live` comes with the first figures (onStats).
        setState((previous) => ({
          status,
          error,
          streamKey,
          lastEventAt: previous.streamKey === streamKey ? previous.lastEventAt : undefined,
        }));
      },
    });
    return () => controller.abort();
  }, [queryClient, editionId, filtersKey, streamKey, enabled]);

  // Until the new stream reports, a change of edition or filters reads as connecting.
  if (state.streamKey !== streamKey) return { status: 'connecting' };
  const { status, lastEventAt, error } = state;
  return { status, lastEventAt, error };
}
