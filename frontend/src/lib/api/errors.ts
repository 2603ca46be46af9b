import type { Problem } from './types';

/** The server answered with a non-2xx status; `problem` is its RFC 9457 body (or one made up from the status). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** The request got no usable HTTP answer (server down, offline, DNS, or a body that is not JSON). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('No usable answer from the server', { cause });
    this.name = 'NetworkError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldErrors(value: unknown): value is NonNullable<Problem['errors']> {
  return (
    Array.isArray(value) &&
    value.every((e) => isObject(e) && typeof e.field === 'string' && typeof e.message === 'string')
  );
}

/**
 * Builds the Problem of a failed response from its status and its (already JSON-parsed) body.
 * An application/problem+json object is taken as is, its extension members included (RFC 9457 §3.2:
 * a 409 `already-drawn` carries the first draw's report in `draw`); missing or mistyped standard
 * members are filled in from the status. Anything else (an HTML error page of a proxy, an empty body)
 * becomes an `about:blank` problem titled with the status text.
 */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  const fallbackTitle = statusText || `HTTP ${status}`;
  if (isObject(body)) {
    const { instance, errors, ...extensions } = body;
    const problem: Problem = {
      ...extensions,
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : fallbackTitle,
      status: typeof body.status === 'number' ? body.status : status,
      detail: typeof body.detail === 'string' ? body.detail : '',
    };
    if (typeof instance === 'string') problem.instance = instance;
    if (isFieldErrors(errors)) problem.errors = errors;
    return problem;
  }
  return { type: 'about:blank', title: fallbackTitle, status, detail: '' };
}

/** Turns a failed response (whose body openapi-fetch already read and JSON-parsed if it could) into an ApiError. */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  return new ApiError(toProblem(response.status, response.statusText, body));
}

export function isAbortError(error: unknown): boolean {
  return isObject(error) && error.name === 'AbortError';
}

/** Where the API's problem types live: `type` is this base plus a stable slug (`sold-out`, `not-found`...). */
export const PROBLEM_TYPE_BASE = 'https://grandjour.example/problems/';

/** The slug of the problem type of an ApiError (`sold-out`), or undefined for any other error. */
export function problemSlug(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const { type } = error.problem;
  return type.startsWith(PROBLEM_TYPE_BASE) ? type.slice(PROBLEM_TYPE_BASE.length) : undefined;
}
