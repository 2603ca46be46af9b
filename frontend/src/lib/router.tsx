/**
 * The app's client-side router: what it used of React Router (declarative routes, links, params,
 * search params, navigation with state) in 2 KB instead of 35 on every page. The URL is the one
 * source: a browser history (BrowserRouter) or an in-memory one (MemoryRouter, for tests), a render
 * per navigation (in a transition, as React Router renders them), routes matched by path segments.
 *
 * Supported patterns: static segments, `:param` segments, and `*` (anything, as the last route).
 * Nested routes render inside their parent's <Outlet />; an `index` route is its parent's own path.
 */
import {
  Children,
  createContext,
  isValidElement,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';

export type Location = { pathname: string; search: string; hash: string; state: unknown; key: string };
export type NavigateOptions = { replace?: boolean; state?: unknown };
export type RouteObject = { path?: string; index?: boolean; element?: ReactNode; children?: RouteObject[] };

type History = {
  location: () => Location;
  go: (to: string, options: NavigateOptions) => void;
  /** Calls `listener` after each navigation not made by `go` (Back, Forward); returns the unsubscribe. */
  listen: (listener: () => void) => () => void;
};

type Router = { location: Location; navigate: (to: string, options?: NavigateOptions) => void };

const RouterContext = createContext<Router | null>(null);
/** The params matched so far, and what the matched parent route renders in its <Outlet />. */
const RouteContext = createContext<{ params: Record<string, string>; outlet: ReactNode }>({ params: {}, outlet: null });

let keys = 0;
const newKey = () => (++keys).toString(36);

function parse(to: string, state: unknown, key: string): Location {
  const url = new URL(to, 'http://router.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state: state ?? null, key };
}

function browserHistory(): History {
  const read = (): Location => {
    const saved = window.history.state as { usr?: unknown; key?: string } | null;
    const { pathname, search, hash } = window.location;
    return { pathname, search, hash, state: saved?.usr ?? null, key: saved?.key ?? 'default' };
  };
  return {
    location: read,
    go: (to, { replace = false, state }) => {
      const entry = { usr: state ?? null, key: newKey() };
      if (replace) window.history.replaceState(entry, '', to);
      else window.history.pushState(entry, '', to);
    },
    listen: (listener) => {
      window.addEventListener('popstate', listener);
      return () => window.removeEventListener('popstate', listener);
    },
  };
}

function memoryHistory(initialEntries: string[]): History {
  const entries = (initialEntries.length ? initialEntries : ['/']).map((to) => parse(to, null, newKey()));
  let index = entries.length - 1;
  return {
    location: () => entries[index]!,
    go: (to, { replace = false, state }) => {
      const next = parse(to, state, newKey());
      if (replace) entries[index] = next;
      else entries.splice(++index, entries.length, next);
    },
    listen: () => () => undefined,
  };
}

function HistoryRouter({ history, children }: { history: History; children: ReactNode }) {
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen(() => startTransition(() => setLocation(history.location()))), [history]);
  const navigate = useCallback(
    (to: string, options: NavigateOptions = {}) => {
      const current = history.location();
      // A relative target (`?day=…`) is resolved against the current page, as a link's would be.
      const absolute = new URL(to, `http://router.invalid${current.pathname}${current.search}`);
      history.go(`${absolute.pathname}${absolute.search}${absolute.hash}`, options);
      const next = history.location();
      startTransition(() => setLocation(next));
    },
    [history],
  );
  const router = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [history] = useState(browserHistory);
  return <HistoryRouter history={history}>{children}</HistoryRouter>;
}

/** A router whose history is in memory (tests): it starts at the last of `initialEntries`. */
export function MemoryRouter({ initialEntries = ['/'], children }: { initialEntries?: string[]; children: ReactNode }) {
  const [history] = useState(() => memoryHistory(initialEntries));
  return <HistoryRouter history={history}>{children}</HistoryRouter>;
}

function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('This component must be rendered inside a router');
  return router;
}

export const useLocation = (): Location => useRouter().location;
export const useNavigate = (): Router['navigate'] => useRouter().navigate;
export const useParams = (): Record<string, string | undefined> => useContext(RouteContext).params;

/** The URL's search params, and a setter that navigates to the same page with others. */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => void] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setParams = useCallback(
    (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => {
      const search = new URLSearchParams(next).toString();
      navigate(`${location.pathname}${search ? `?${search}` : ''}`, options);
    },
    [location.pathname, navigate],
  );
  return [params, setParams];
}

/** Splits a path into its segments, without the empty ones (`/tickets/3/` = `tickets`, `3`). */
const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * Matches the start of `rest` (URL segments) against a route's pattern: the params and the segments
 * left for its children; undefined when it does not match. `end`: the whole of `rest` must match.
 */
function matchPattern(pattern: string, rest: string[], end: boolean) {
  const parts = segments(pattern);
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    if (part === '*') {
      params['*'] = rest.slice(i).join('/');
      return { params, rest: [] };
    }
    const segment = rest[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        params[part.slice(1)] = segment;
      }
    } else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  const left = rest.slice(parts.length);
  return end && left.length > 0 ? undefined : { params, rest: left };
}

/** The branch of routes the URL selects, from the outermost, with their params; undefined when none does. */
function matchRoutes(routes: RouteObject[], rest: string[]): { route: RouteObject; params: Record<string, string> }[] | undefined {
  for (const route of routes) {
    if (route.index) {
      if (rest.length === 0) return [{ route, params: {} }];
      continue;
    }
    const children = route.children ?? [];
    const matched = matchPattern(route.path ?? '', rest, children.length === 0);
    if (!matched) continue;
    if (children.length === 0) return [{ route, params: matched.params }];
    const below = matchRoutes(children, matched.rest);
    if (below) return [{ route, params: matched.params }, ...below];
  }
  return undefined;
}

/** The element of the route the URL selects (inside its parents' <Outlet />), or null when none does. */
export function useRoutes(routes: RouteObject[]): ReactElement | null {
  const { pathname } = useLocation();
  const parent = useContext(RouteContext);
  const branch = matchRoutes(routes, segments(pathname));
  if (!branch) return null;
  // Each level sees the params of its own path and of its parents'.
  const levels: { route: RouteObject; params: Record<string, string> }[] = [];
  for (const { route, params } of branch) levels.push({ route, params: { ...(levels.at(-1)?.params ?? parent.params), ...params } });
  return levels.reduceRight<ReactElement | null>(
    (outlet, { route, params: all }) => (
      <RouteContext.Provider value={{ params: all, outlet }}>{route.element ?? outlet}</RouteContext.Provider>
    ),
    null,
  );
}

/** Where a parent route renders its matched child. */
export function Outlet() {
  return <>{useContext(RouteContext).outlet}</>;
}

type RouteProps = { path?: string; index?: boolean; element?: ReactNode; children?: ReactNode };

/** A route declared as an element, inside <Routes>. */
export function Route(props: RouteProps): ReactElement | null {
  void props;
  throw new Error('<Route> renders only inside <Routes>');
}

function routesOf(children: ReactNode): RouteObject[] {
  return Children.toArray(children)
    .filter((child): child is ReactElement<RouteProps> => isValidElement(child))
    .map(({ props }) => ({ path: props.path, index: props.index, element: props.element, children: routesOf(props.children) }));
}

/** The <Route> children as routes (useRoutes). */
export function Routes({ children }: { children: ReactNode }) {
  return useRoutes(routesOf(children));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; replace?: boolean; state?: unknown };

/** A plain left click, without a modifier, on a link that opens here: the router's to handle. */
const ownClick = (event: MouseEvent<HTMLAnchorElement>, target?: string) =>
  !event.defaultPrevented &&
  event.button === 0 &&
  (!target || target === '_self') &&
  !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey);

/** A link to a page of the app: a real `<a href>` (new tab, copy), followed without reloading the page. */
export function Link({ to, replace, state, onClick, target, ...anchor }: LinkProps) {
  const navigate = useNavigate();
  return (
    <a
      {...anchor}
      href={to}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (!ownClick(event, target)) return;
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}

/**
 * A link that says when it is the current page (`aria-current="page"`, class `active`): when the
 * URL's path is its own or, without `end`, under it.
 */
export function NavLink({ end = false, className, ...link }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const own = segments(new URL(link.to, 'http://router.invalid').pathname).join('/').toLowerCase();
  const current = segments(pathname).join('/').toLowerCase();
  const active = current === own || (!end && (own === '' || current.startsWith(`${own}/`)));
  const classes = [className, active ? 'active' : undefined].filter(Boolean).join(' ') || undefined;
  return <Link {...link} className={classes} aria-current={active ? 'page' : undefined} />;
}

