import { Component, useEffect, useRef, type ReactNode } from 'react';
import { Outlet, useLocation, type Location } from '@/lib/router';
import { Layout } from '@/components/layout/layout';
import { ErrorState } from '@/components/ui/error-state';

/**
 * Moves focus to the main content after client-side navigation, as a page load would; unless the new
 * page already put it somewhere inside (a confirmation message), as its effects run before this one.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (main && document.activeElement !== main && main.contains(document.activeElement)) return;
    main?.focus({ preventScroll: false });
  }, [pathname]);
}

export function RootRoute() {
  useFocusMainOnNavigation();
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

function RootError({ error }: { error: unknown }) {
  return (
    <Layout>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </Layout>
  );
}

type BoundaryProps = { location: Location; children: ReactNode };
type BoundaryState = { location: Location; failed: boolean; error: unknown };

/**
 * A page that throws while rendering (or whose chunk fails to download) is replaced by the layout and
 * what went wrong, with Try again; navigating elsewhere renders the new page again.
 */
export class RootErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { location: this.props.location, failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.location !== state.location ? { location: props.location, failed: false, error: undefined } : null;
  }

  render() {
    return this.state.failed ? <RootError error={this.state.error} /> : this.props.children;
  }
}
