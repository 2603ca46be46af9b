import { describe, expect, it } from 'vitest';
import { mockFetch, json, problemJson, sentRequests } from '@/testing/mock-fetch';
import { problem } from '@/testing/fixtures';
import { api, unwrap } from './client';
import { ApiError, NetworkError, toProblem } from './errors';

describe('toProblem', () => {
  it('keeps every member of a problem+json body', () => {
    const body = problem(400, "'someday' is not a date (YYYY-MM-DD)", {
      instance: '/api/editions/1/offers',
      errors: [{ field: 'day', message: "'someday' is not a date (YYYY-MM-DD)" }],
    });
    expect(toProblem(400, 'Bad Request', body)).toEqual(body);
  });

  it('keeps extension members for the callers (the first draw a refused second draw carries)', () => {
    const draw = { editionId: 1, stage: 'DRAWN', commitment: 'ab12', seed: 'cd34' };
    const body = { ...problem(409, 'The ballot was drawn at 2026-03-16T10:02:00Z.'), type: 'https://grandjour.example/problems/already-drawn', draw, remaining: 0 };
    const kept = toProblem(409, 'Conflict', body);
    expect(kept).toEqual(body);
    expect(kept.draw).toEqual(draw);
  });

  it('fills missing members from the status and drops malformed ones', () => {
    expect(toProblem(409, 'Conflict', { detail: 'Sold out', errors: 'nope' })).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Sold out',
    });
  });

  it('makes a problem of a body that is not JSON (a proxy error page)', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>502</html>')).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: '',
    });
    expect(toProblem(500, '', undefined).title).toBe('HTTP 500');
  });
});

describe('unwrap (API client calls)', () => {
  it('returns the data of a 2xx answer', async () => {
    mockFetch({ 'GET /api/editions': () => json([]) });
    await expect(unwrap(api.GET('/api/editions'))).resolves.toEqual([]);
  });

  it('throws an ApiError carrying the Problem of a problem+json answer', async () => {
    const body = problem(404, 'No edition 42', { instance: '/api/editions/42/offers' });
    mockFetch({ 'GET /api/editions/42/offers': () => problemJson(body, 404) });

    const error = await unwrap(
      api.GET('/api/editions/{editionId}/offers', { params: { path: { editionId: 42 } } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.problem).toEqual(body);
    expect(apiError.message).toBe('No edition 42');
  });

  it('throws an ApiError for a non-JSON error answer too', async () => {
    mockFetch({
      'GET /api/editions': () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const error = await unwrap(api.GET('/api/editions')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ status: 502, title: 'Bad Gateway', detail: '' });
  });

  it('turns a failed fetch into a NetworkError', async () => {
    mockFetch({
      'GET /api/editions': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await unwrap(api.GET('/api/editions')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
  });

  it('sends query parameters and no Authorization header when logged out', async () => {
    const fetchMock = mockFetch({ 'GET /api/editions/1/offers': () => json([]) });
    await unwrap(
      api.GET('/api/editions/{editionId}/offers', {
        params: { path: { editionId: 1 }, query: { day: '2026-03-28', category: 'MUSEUM' } },
      }),
    );
    const [request] = sentRequests(fetchMock);
    expect(new URL(request!.url).search).toBe('?day=2026-03-28&category=MUSEUM');
    expect(request!.headers.get('Authorization')).toBeNull();
  });
});
