import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import type { EditionStats } from '@/lib/api/types';
import { mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { stats } from '../testing/stats-fixtures';
import { retryDelay, runEditionStatsStream, type StreamStatus } from './stream-edition-stats';

const PATH = 'GET /api/editions/1/stats/stream';

/** A text/event-stream response sending these chunks, then ending (or staying open). */
function eventStream(chunks: string[], { end = true } = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const withAdmitted = (admitted: number): EditionStats => ({ ...stats, overall: { ...stats.overall, admitted } });

function run(signal: AbortSignal) {
  const received: EditionStats[] = [];
  const statuses: StreamStatus[] = [];
  const done = runEditionStatsStream({
    editionId: 1,
    filters: { day: '2026-03-28', territory: undefined },
    signal,
    onStats: (s) => received.push(s),
    onStatus: (s) => statuses.push(s),
    retryFirstMs: 5,
    retryMaxMs: 20,
  });
  return { received, statuses, done };
}

describe('runEditionStatsStream', () => {
  it('gives the figures of each data event (split across chunks, with heartbeats), with the filters in the query', async () => {
    const first = JSON.stringify(withAdmitted(12));
    const second = JSON.stringify(withAdmitted(14));
    const controller = new AbortController();
    const fetchMock = mockFetch({
      [PATH]: () => eventStream([`data:${first.slice(0, 30)}`, `${first.slice(30)}\n`, '\n: keep-alive\n\ndata:', `${second}\n\n`], { end: false }),
    });
    const { received, statuses, done } = run(controller.signal);
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received.map((s) => s.overall.admitted)).toEqual([12, 14]);
    expect(statuses).toEqual(['connecting']);

    const [request] = sentRequests(fetchMock);
    expect(new URL(request!.url).search).toBe('?day=2026-03-28');
    expect(request!.headers.get('Accept')).toBe('text/event-stream');

    controller.abort();
    await done;
  });

  it('reconnects when the stream ends, and carries on', async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetchMock = mockFetch({
      [PATH]: () => {
        calls += 1;
        return eventStream([`data: ${JSON.stringify(withAdmitted(calls))}\n\n`], { end: calls < 3 });
      },
    });
    const { received, statuses, done } = run(controller.signal);
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received.map((s) => s.overall.admitted)).toEqual([1, 2, 3]);
    expect(statuses).toEqual(['connecting', 'reconnecting', 'reconnecting']);
    expect(sentRequests(fetchMock)).toHaveLength(3);
    controller.abort();
    await done;
  });

  it('tries again after a server error or a dropped connection', async () => {
    const controller = new AbortController();
    let calls = 0;
    mockFetch({
      [PATH]: () => {
        calls += 1;
        if (calls === 1) return problemJson({ type: 'about:blank', title: 'Unavailable', status: 503, detail: '' }, 503);
        if (calls === 2) throw new TypeError('Failed to fetch');
        return eventStream([`data: ${JSON.stringify(stats)}\n\n`], { end: false });
      },
    });
    const { received, statuses, done } = run(controller.signal);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(statuses).toEqual(['connecting', 'reconnecting', 'reconnecting']);
    controller.abort();
    await done;
  });

  it('stops for good on 403 (not an organiser)', async () => {
    const controller = new AbortController();
    const fetchMock = mockFetch({
      [PATH]: () => problemJson({ type: 'https://grandjour.example/problems/forbidden', title: 'Forbidden', status: 403, detail: 'no' }, 403),
    });
    const errors: unknown[] = [];
    const statuses: StreamStatus[] = [];
    await runEditionStatsStream({
      editionId: 1,
      filters: {},
      signal: controller.signal,
      onStats: () => {},
      onStatus: (status, error) => {
        statuses.push(status);
        errors.push(error);
      },
      retryFirstMs: 5,
    });
    expect(statuses).toEqual(['connecting', 'stopped']);
    expect(errors[1]).toBeInstanceOf(ApiError);
    expect(sentRequests(fetchMock)).toHaveLength(1);
  });

  it('skips an event that is not JSON', async () => {
    const controller = new AbortController();
    mockFetch({ [PATH]: () => eventStream(['data: {oops\n\n', `data: ${JSON.stringify(withAdmitted(5))}\n\n`], { end: false }) });
    const { received, done } = run(controller.signal);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]!.overall.admitted).toBe(5);
    controller.abort();
    await done;
  });
});

describe('retryDelay', () => {
  it('doubles from the first delay up to the maximum, with at most 20 % jitter', () => {
    for (const [attempt, base] of [
      [0, 1000],
      [1, 2000],
      [3, 8000],
      [10, 30000],
    ] as const) {
      const delay = retryDelay(attempt, 1000, 30000);
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
