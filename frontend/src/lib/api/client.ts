import createClient, { type Middleware } from 'openapi-fetch';
import { getAccessToken } from '@/lib/auth/keycloak';
import { ApiError, apiErrorFrom, isAbortError, NetworkError } from './errors';
import type { paths } from './schema';

/** Adds the bearer token of the logged-in user (refreshed first if it expires within 30 s). */
const bearerToken: Middleware = {
  async onRequest({ request }) {
    const token = await getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/**
 * The typed client of the Grand Jour API (same origin, under /api). Paths, parameters and bodies
 * are checked against the generated contract. `fetch` is looked up at call time so tests can stub it.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => globalThis.fetch(request),
});
api.use(bearerToken);

type FetchResult = { data?: unknown; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws:
 * - `ApiError` (with the server's Problem) for any non-2xx answer,
 * - `NetworkError` when no answer came back (or the answer was not the JSON the contract promises),
 * - the AbortError itself when React Query cancelled the request.
 */
export async function unwrap<R extends FetchResult>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  return (await unwrapResponse(call)).data;
}

/** Like `unwrap`, but also gives the response (for its headers: a file name, a Location). */
export async function unwrapResponse<R extends FetchResult>(
  call: Promise<R>,
): Promise<{ data: NonNullable<R['data']>; response: Response }> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    if (isAbortError(error) || error instanceof ApiError) throw error;
    throw new NetworkError(error);
  }
  if (!result.response.ok) throw apiErrorFrom(result.response, result.error);
  return { data: result.data as NonNullable<R['data']>, response: result.response };
}
