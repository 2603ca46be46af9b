import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/account/api/get-me';
import { useCurrentEdition } from '@/lib/api/get-editions';
import { EditionSummary } from '@/features/editions/components/edition-summary';
import { OffersSection } from '@/features/offers/components/offers-section';
import { useMyTickets } from '@/features/tickets/api/get-my-tickets';
import { ClaimOffer, heldTicket, type ClaimViewer } from '@/features/tickets/components/claim-offer';
import { useMyWaitlist, waitlistUser } from '@/features/waitlist/api/get-my-waitlist';
import { WaitlistOffer } from '@/features/waitlist/components/waitlist-offer';
import { useAuth } from '@/lib/auth';
import type { Offer } from '@/lib/api/types';
import { DocumentTitle } from '@/components/ui/document-title';

// A ballot edition's page (its notice and application form) is a chunk of its own: a first-come
// edition's home page does not download it. Until it is there, Loading, as while the edition loads.
const BallotEditionPage = lazy(() => import('./offers-ballot').then((m) => ({ default: m.BallotEditionPage })));

export function OffersRoute() {
  const { t } = useTranslation();
  const edition = useCurrentEdition();
  const auth = useAuth();
  const current = edition.data;
  const username = auth.authenticated ? auth.username : undefined;
  // What the cards' actions need of the user, read here once for every card: whether they may claim
  // here (the claim buttons say so before any refusal), their tickets (a ticket held links to it, no
  // waiting list then) and their waiting lists.
  const me = useMe(current ? username : undefined, current?.id);
  const tickets = useMyTickets(username);
  const waitlistFor = waitlistUser(auth);
  const waitlist = useMyWaitlist(waitlistFor);
  // The actions appear once all of it is known, in one render of the cards rather than one per answer
  // (issue 11, blocking time). A query that failed counts as known (the claim's refusal then says why);
  // one that waits (offline, paused) keeps the actions away, as the session's check does.
  const settled = (query: { isPending: boolean }, asked: unknown) => !asked || !query.isPending;
  const known =
    auth.status !== 'loading' &&
    settled(me, current && username) &&
    settled(tickets, username) &&
    settled(waitlist, waitlistFor);
  const eligible = me.data?.eligible;
  const viewer = useMemo<ClaimViewer | undefined>(() => {
    if (!known) return undefined;
    if (!auth.authenticated) return { authenticated: false, login: auth.login };
    return { authenticated: true, eligible, tickets: tickets.data ?? [] };
  }, [known, auth.authenticated, auth.login, eligible, tickets.data]);
  const entries = known ? waitlist.data : undefined;
  // The same function while its inputs stay (TanStack Query keeps the data's identity until the server's
  // answer changes): OffersSection is memoized, so the renders of this page that change none of them
  // (an unrelated query, a refresh that brought the same data) do not render the list and its cards again.
  const renderOfferAction = useCallback(
    (offer: Offer) =>
      current && (
        <>
          <ClaimOffer offer={offer} edition={current} viewer={viewer} />
          <WaitlistOffer
            offer={offer}
            edition={current}
            eligible={eligible}
            entries={entries}
            holdsTicket={viewer?.authenticated ? heldTicket(viewer, offer) !== undefined : undefined}
          />
        </>
      ),
    [current, viewer, eligible, entries],
  );
  const title = <DocumentTitle>{`${t('offers.title')} · ${t('app.name')}`}</DocumentTitle>;

  if (edition.isPending) return <>{title}<Loading /></>;
  if (edition.isError) return <>{title}<ErrorState error={edition.error} onRetry={() => void edition.refetch()} /></>;
  if (!current) {
    return (
      <>
        {title}
        <h1>{t('app.name')}</h1>
        <p className="empty-state">{t('edition.none')}</p>
      </>
    );
  }
  if (current.allocationMode === 'BALLOT') {
    // A ballot: no claim buttons; the application form instead.
    return (
      <Suspense fallback={<>{title}<Loading /></>}>
        <BallotEditionPage edition={current} eligible={me.data?.eligible} />
      </Suspense>
    );
  }
  return (
    <>
      <DocumentTitle>{`${current.name} · ${t('app.name')}`}</DocumentTitle>
      <EditionSummary edition={current} />
      <OffersSection
        edition={current}
        renderOfferAction={renderOfferAction}
      />
    </>
  );
}
