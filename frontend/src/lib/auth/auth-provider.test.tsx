import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from '@/lib/i18n/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { useAuth } from './auth-context';
import { AuthProvider } from './auth-provider';
import { rememberSession, sessionMayExist } from './offline-session';

// The adapter module, with a fake keycloak-js adapter: what AuthProvider asks of it, and when.
const fake = vi.hoisted(() => {
  const adapter = {
    authenticated: false,
    tokenParsed: undefined as { preferred_username: string; realm_access: { roles: string[] } } | undefined,
    login: vi.fn(() => Promise.resolve()),
    logout: vi.fn(() => Promise.resolve()),
    updateToken: vi.fn(() => Promise.resolve(true)),
  };
  return {
    adapter,
    init: { answer: (): Promise<boolean> => Promise.resolve(false) },
    // A check started (and answered) before the first render, as first-screen.ts does.
    early: { started: false, answer: undefined as boolean | undefined },
  };
});
vi.mock('./keycloak', () => {
  const module = {
    keycloak: undefined as typeof fake.adapter | undefined,
    getKeycloak: vi.fn(() => Promise.resolve((module.keycloak = fake.adapter))),
    initKeycloak: vi.fn((prepare: (adapter: typeof fake.adapter) => void = () => undefined) => {
      module.keycloak = fake.adapter;
      prepare(fake.adapter);
      return fake.init.answer();
    }),
    resetKeycloak: vi.fn(),
    sessionCheckStarted: () => fake.early.started,
    sessionCheckAnswer: () => fake.early.answer,
    realmRoles: () => fake.adapter.tokenParsed?.realm_access.roles ?? [],
  };
  return module;
});
const keycloakModule = await import('./keycloak');

function Session() {
  const auth = useAuth();
  return (
    <>
      <p data-testid="status">{`${auth.status} ${auth.authenticated ? auth.username : 'anonymous'}`}</p>
      <button type="button" onClick={auth.login}>
        log in
      </button>
    </>
  );
}

const renderSession = () =>
  render(
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <Session />
      </AuthProvider>
    </I18nextProvider>,
  );

describe('AuthProvider', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    localStorage.clear();
    window.history.replaceState(null, '', '/');
    fake.adapter.authenticated = false;
    fake.adapter.tokenParsed = undefined;
    fake.init.answer = () => Promise.resolve(false);
    fake.early.started = false;
    fake.early.answer = undefined;
  });

  it('leaves Keycloak alone for an anonymous visitor, until they log in', async () => {
    renderSession();
    expect(screen.getByTestId('status')).toHaveTextContent('ready anonymous');
    expect(keycloakModule.initKeycloak).not.toHaveBeenCalled();
    expect(keycloakModule.getKeycloak).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'log in' }));
    expect(keycloakModule.initKeycloak).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.adapter.login).toHaveBeenCalledWith(expect.objectContaining({ redirectUri: 'http://localhost:3000/' })));
  });

  it('shows a Keycloak session found at the login without a redirect, and remembers it', async () => {
    let open: (authenticated: boolean) => void = () => undefined;
    const answer = new Promise<boolean>((resolve) => (open = resolve));
    fake.init.answer = () => answer;
    renderSession();
    await userEvent.click(screen.getByRole('button', { name: 'log in' }));
    expect(screen.getByTestId('status')).toHaveTextContent('loading anonymous');
    fake.adapter.authenticated = true;
    fake.adapter.tokenParsed = { preferred_username: 'resident', realm_access: { roles: ['resident'] } };
    await act(async () => open(true));
    expect(screen.getByTestId('status')).toHaveTextContent('ready resident');
    expect(fake.adapter.login).not.toHaveBeenCalled();
    expect(sessionMayExist()).toBe(true);
  });

  it('says Keycloak is unavailable when it cannot be loaded at the login', async () => {
    fake.init.answer = () => Promise.reject(new Error('no network'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderSession();
    await userEvent.click(screen.getByRole('button', { name: 'log in' }));
    await vi.waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('unavailable anonymous'));
    expect(keycloakModule.resetKeycloak).toHaveBeenCalled();
  });

  it('asks Keycloak at start when someone was logged in on this device', async () => {
    rememberSession('resident', ['resident']);
    fake.adapter.authenticated = true;
    fake.adapter.tokenParsed = { preferred_username: 'resident', realm_access: { roles: ['resident'] } };
    fake.init.answer = () => Promise.resolve(true);
    renderSession();
    expect(keycloakModule.initKeycloak).toHaveBeenCalled();
    await vi.waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready resident'));
  });

  it('shows a session check answered before its first render at once, and renders nothing more for the same answer', async () => {
    // The login's callback was in the URL: the early check took it (and cleaned the URL), nothing remembered yet.
    fake.early.started = true;
    fake.early.answer = true;
    fake.adapter.authenticated = true;
    fake.adapter.tokenParsed = { preferred_username: 'resident', realm_access: { roles: ['resident'] } };
    fake.init.answer = () => Promise.resolve(true);
    let renders = 0;
    function Counted() {
      renders++;
      return <Session />;
    }
    render(
      <I18nextProvider i18n={i18n}>
        <AuthProvider>
          <Counted />
        </AuthProvider>
      </I18nextProvider>,
    );
    expect(screen.getByTestId('status')).toHaveTextContent('ready resident');
    const first = renders;
    await vi.waitFor(() => expect(keycloakModule.initKeycloak).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(renders).toBe(first);
    expect(sessionMayExist()).toBe(true); // remembered for the next start
  });

  it('asks Keycloak at start when a check was started before the first render, though nothing was remembered', async () => {
    fake.early.started = true;
    fake.adapter.authenticated = true;
    fake.adapter.tokenParsed = { preferred_username: 'staff', realm_access: { roles: ['staff'] } };
    fake.init.answer = () => Promise.resolve(true);
    renderSession();
    expect(screen.getByTestId('status')).toHaveTextContent('loading anonymous');
    await vi.waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready staff'));
  });
});

describe('sessionMayExist', () => {
  beforeEach(() => localStorage.clear());

  it('is true on the way back from Keycloak (its callback in the fragment), a remembered login or a pending logout', () => {
    expect(sessionMayExist({ hash: '' })).toBe(false);
    expect(sessionMayExist({ hash: '#main' })).toBe(false);
    expect(sessionMayExist({ hash: '#state=abc&session_state=x&code=123' })).toBe(true);
    expect(sessionMayExist({ hash: '#error=login_required&state=abc' })).toBe(true);
    expect(sessionMayExist({ hash: '#state=abc' })).toBe(false);
    rememberSession('staff', ['staff']);
    expect(sessionMayExist({ hash: '' })).toBe(true);
    localStorage.clear();
    localStorage.setItem('grandjour.logout-pending', '1');
    expect(sessionMayExist({ hash: '' })).toBe(true);
  });
});
