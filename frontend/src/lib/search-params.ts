import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from '@/lib/router';

/**
 * The URL's search params, and a functional update that starts from the latest ones.
 *
 * The router's own functional update starts from the params of the last render. A navigation
 * renders a little later (in a transition, which a quick second event overtakes), so a second change
 * made in between (a second filter picked while the first one loads) started from the old URL and
 * dropped the first. This update starts from what was last asked for, until the router shows it.
 */
export function useLatestSearchParams() {
  const [params, setParams] = useSearchParams();
  const rendered = params.toString();
  /** The searches asked for and not rendered yet, oldest first. */
  const inFlight = useRef<string[]>([]);
  useEffect(() => {
    const index = inFlight.current.indexOf(rendered);
    // Ours rendered: it and the older ones are done (the router may go straight to the latest).
    // Another navigation (a link, Back): the URL is the user's again, start from it.
    inFlight.current = index >= 0 ? inFlight.current.slice(index + 1) : [];
  }, [rendered]);

  const update = useCallback(
    (change: (latest: URLSearchParams) => URLSearchParams) => {
      const next = change(new URLSearchParams(inFlight.current.at(-1) ?? rendered));
      inFlight.current.push(next.toString());
      setParams(next, { replace: true });
    },
    [rendered, setParams],
  );
  return [params, update] as const;
}

/** Sets the keys of `patch` that have a value and removes the others. */
export function withPatch(params: URLSearchParams, patch: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
