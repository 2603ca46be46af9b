import type { QueryClient } from '@tanstack/react-query';
import { getMeQueryOptions } from '@/features/account/api/get-me';
import { filtersFrom } from '@/features/offers/components/offers-section';
import { getOffersQueryOptions } from '@/features/offers/api/get-offers';
import { getMyTicketsQueryOptions } from '@/features/tickets/api/get-my-tickets';
import { getMyWaitlistQueryOptions } from '@/features/waitlist/api/get-my-waitlist';
import { getEditionsQueryOptions, selectCurrentEdition } from '@/lib/api/get-editions';
import { initKeycloak, keycloak, realmRoles } from '@/lib/auth/keycloak';
import { isLogoutPending, sessionMayExist } from '@/lib/auth/offline-session';
import { paths } from '@/config/paths';
import { TicketRoute } from './router';

/**
 * How long the first render may wait for the first screen's data; past it the page renders what it has
 * (its loading states) and the rest arrives as usual. Far above what a phone on 4G needs.
 */
export const FIRST_SCREEN_WAIT_MS = 1500;

type StartLocation = Pick<Location, 'pathname' | 'search' | 'hash'>;
type User = { username: string; roles: string[] };

/**
 * Starts, as the app starts and beside the download of its texts, what the first screen of the home
 * page or of a ticket shows, into the query cache the pages read: the session check when someone may
 * be logged in on this device, and
 * - home: the current edition, its offers (with the URL's filters), and what the cards' actions need of
 *   the user (eligibility, tickets, waiting lists);
 * - a ticket: its page's chunk, the ticket and its QR code.
 *
 * The page is then drawn once with all of it, not once per answer: each answer rendered the page and
 * laid it out again on a phone's main thread after the first paint (issue 11, blocking time). The
 * promise settles when all of it is there, a failure included (the pages' own queries show it), or
 * after FIRST_SCREEN_WAIT_MS. Other pages start at once.
 */
export function prepareFirstScreen(client: QueryClient, location: StartLocation = window.location): Promise<void> {
  const ticketId = /^\/tickets\/(\d{1,15})$/.exec(location.pathname)?.[1];
  let ready: Promise<unknown>;
  if (location.pathname === paths.offers.path) ready = prepareHome(client, location, checkSession(location));
  else if (ticketId) ready = prepareTicket(client, Number(ticketId), checkSession(location));
  else return Promise.resolve();
  return Promise.race([
    ready.then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
  ]);
}

/**
 * The session check (AuthProvider goes on from it), when someone may be logged in on this device:
 * who is logged in, or undefined. Offline, AuthProvider starts from the remembered session and asks
 * Keycloak once the network is back; a logout made offline is finished by AuthProvider.
 */
function checkSession(location: StartLocation): Promise<User | undefined> {
  if (!sessionMayExist(location) || !navigator.onLine) return Promise.resolve(undefined);
  return initKeycloak().then(
    (authenticated) => {
      const username = keycloak?.tokenParsed?.preferred_username as string | undefined;
      return authenticated && username && !isLogoutPending() ? { username, roles: realmRoles() } : undefined;
    },
    () => undefined, // Keycloak unreachable: AuthProvider says so and tries again
  );
}

function prepareHome(client: QueryClient, location: StartLocation, session: Promise<User | undefined>) {
  const edition = client
    .fetchQuery(getEditionsQueryOptions())
    .then(selectCurrentEdition)
    .catch(() => null);
  const offers = edition.then((current) => {
    if (current?.allocationMode !== 'FIRST_COME') return; // a ballot's page reads its own
    const filters = filtersFrom(new URLSearchParams(location.search), current);
    return client.prefetchQuery(getOffersQueryOptions(current.id, filters));
  });
  const user = session.then(async (user) => {
    if (!user) return;
    const current = await edition;
    await Promise.all([
      current && client.prefetchQuery(getMeQueryOptions(user.username, current.id)),
      client.prefetchQuery(getMyTicketsQueryOptions(user.username)),
      user.roles.includes('resident') && client.prefetchQuery(getMyWaitlistQueryOptions(user.username)),
    ]);
  });
  return Promise.all([offers, user]);
}

function prepareTicket(client: QueryClient, id: number, session: Promise<User | undefined>) {
  return Promise.all([TicketRoute.preload(), session]).then(
    ([{ prepareTicketScreen }, user]) => user && prepareTicketScreen(client, user.username, id),
    () => undefined, // the chunk could not be downloaded: the page's Suspense says so
  );
}
