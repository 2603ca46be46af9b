import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeTicket, base1119, edition, residentMe } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { rememberSession } from '@/lib/auth/offline-session';
import { FIRST_SCREEN_WAIT_MS, prepareFirstScreen } from './first-screen';
import { TicketRoute } from './router';

// The session check, as keycloak-js would answer it (the real one needs Keycloak's iframe).
const session = vi.hoisted(() => ({ user: undefined as { username: string; roles: string[] } | undefined }));
vi.mock('@/lib/auth/keycloak', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/keycloak')>();
  const module = {
    ...actual,
    keycloak: undefined as { tokenParsed: { preferred_username: string } } | undefined,
    initKeycloak: vi.fn(() => {
      module.keycloak = session.user && { tokenParsed: { preferred_username: session.user.username } };
      return Promise.resolve(session.user !== undefined);
    }),
    realmRoles: () => session.user?.roles ?? [],
  };
  return module;
});
const keycloakModule = await import('@/lib/auth/keycloak');

const at = (pathname: string, search = '') => ({ pathname, search, hash: '' });
const paths = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).map((r) => new URL(r.url).pathname + new URL(r.url).search);

describe('prepareFirstScreen', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
    localStorage.clear();
    session.user = undefined;
    vi.mocked(keycloakModule.initKeycloak).mockClear();
  });
  afterEach(() => client.clear());

  it("fills the home page's edition and its offers, with the URL's filters, without asking Keycloak for a visitor", async () => {
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/editions/1/offers': () => json([base1119]),
    });
    await prepareFirstScreen(client, at('/', '?day=2026-03-29&territory=XX'));
    // the unknown territory is dropped, as the page's own filters do: the page finds the same cache entry
    expect(paths(fetchMock)).toEqual(['/api/editions', '/api/editions/1/offers?day=2026-03-29']);
    expect(client.getQueryData(['editions', 1, 'offers', { day: '2026-03-29' }])).toEqual([base1119]);
    expect(keycloakModule.initKeycloak).not.toHaveBeenCalled();
  });

  it("fills what the cards' actions need of a logged-in resident", async () => {
    rememberSession('resident', ['resident']);
    session.user = { username: 'resident', roles: ['resident'] };
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/editions/1/offers': () => json([base1119]),
      'GET /api/me': () => json(residentMe),
      'GET /api/me/tickets': () => json([activeTicket]),
      'GET /api/me/waitlist': () => json([]),
    });
    await prepareFirstScreen(client, at('/'));
    expect(client.getQueryData(['me', 'resident', 1])).toEqual(residentMe);
    expect(client.getQueryData(['tickets', 'resident', 'list'])).toEqual([activeTicket]);
    expect(client.getQueryData(['waitlist', 'resident'])).toEqual([]);
  });

  it("asks nothing of a ballot's offers, nor of another page", async () => {
    const fetchMock = mockFetch({ 'GET /api/editions': () => json([{ ...edition, allocationMode: 'BALLOT' }]) });
    await prepareFirstScreen(client, at('/'));
    await prepareFirstScreen(client, at('/account'));
    expect(paths(fetchMock)).toEqual(['/api/editions']);
  });

  it("loads a ticket's page, the ticket and its QR code for its holder", async () => {
    rememberSession('resident', ['resident']);
    session.user = { username: 'resident', roles: ['resident'] };
    const fetchMock = mockFetch({
      'GET /api/tickets/101': () => json(activeTicket),
      'GET /api/tickets/101/qr.png': () => new Response(new Blob(['png'], { type: 'image/png' })),
    });
    await prepareFirstScreen(client, at('/tickets/101'));
    expect(paths(fetchMock)).toEqual(['/api/tickets/101', '/api/tickets/101/qr.png?size=720']);
    expect(client.getQueryData(['tickets', 'resident', 'ticket', 101])).toEqual(activeTicket);
    await expect(TicketRoute.preload()).resolves.toHaveProperty('TicketRoute');
  });

  it('lets the page render after a while when the API does not answer', async () => {
    vi.useFakeTimers();
    try {
      mockFetch({ 'GET /api/editions': () => new Promise<Response>(() => undefined) });
      let settled = false;
      void prepareFirstScreen(client, at('/')).then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(FIRST_SCREEN_WAIT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
