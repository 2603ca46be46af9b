import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useRouteError } from 'react-router';
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

export function RootErrorBoundary() {
  const error = useRouteError();
  return (
    <Layout>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </Layout>
  );
}
