import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import { type ReactElement, type ReactNode } from 'react';
import { I18nextProvider } from '@/lib/i18n/react';
import { AuthContext, type Auth } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { MemoryRouter } from '@/lib/router';

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
};

/** Renders with the app's providers, but a memory router, a fresh query client and a fake auth. */
export function renderWithProviders(ui: ReactElement, { route = '/', auth = fakeAuth(), ...options }: Options = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AuthContext.Provider value={auth}>
            <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
          </AuthContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}
