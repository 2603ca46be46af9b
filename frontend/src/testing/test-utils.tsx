import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import { useState, type ReactElement, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router';
import { AuthContext, type Auth } from '@/lib/auth';
import { i18n } from '@/lib/i18n';

export function fakeAuth(overrides: Partial<Auth> = {}): Auth {
  const roles = overrides.roles ?? [];
  return {
    status: 'ready',
    authenticated: false,
    username: undefined,
    roles,
    hasRole: (role) => roles.includes(role),
    login: () => {},
    logout: () => {},
    ...overrides,
  };
}

type Options = Omit<RenderOptions, 'wrapper'> & {
  route?: string;
  auth?: Auth;
  /** A data router (createMemoryRouter), whose navigations render in a transition (the race useLatestSearchParams guards against); the default is a plain MemoryRouter, like the app's BrowserRouter. */
  dataRouter?: boolean;
};

/** In a data router, `ui` is the element of the route `route` points at. */
function DataRouter({ route, children }: { route: string; children: ReactNode }) {
  const [router] = useState(() => createMemoryRouter([{ path: new URL(route, 'http://x').pathname, element: children }], { initialEntries: [route] }));
  return <RouterProvider router={router} />;
}

/** Renders with the app's providers, but a memory router, a fresh query client and a fake auth. */
export function renderWithProviders(ui: ReactElement, { route = '/', auth = fakeAuth(), dataRouter = false, ...options }: Options = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AuthContext.Provider value={auth}>
            {dataRouter ? (
              <DataRouter route={route}>{children}</DataRouter>
            ) : (
              <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
            )}
          </AuthContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}
