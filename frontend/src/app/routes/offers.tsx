import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/account/api/get-me';
import { useCurrentEdition } from '@/lib/api/get-editions';
import { EditionSummary } from '@/features/editions/components/edition-summary';
import { OffersSection } from '@/features/offers/components/offers-section';
import { useMyTickets } from '@/features/tickets/api/get-my-tickets';
import { ClaimOffer } from '@/features/tickets/components/claim-offer';
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
  // Whether the logged-in user may claim here: the claim buttons say so before any refusal.
  const me = useMe(auth.authenticated && edition.data ? auth.username : undefined, edition.data?.id);
  // Whether the user holds a ticket for an offer: then no waiting list for it (the claim action links to it).
  const tickets = useMyTickets(auth.authenticated ? auth.username : undefined);
  const eligible = me.data?.eligible;
  const current = edition.data;
  // The same function while its inputs stay (TanStack Query keeps the data's identity until the server's
  // answer changes): OffersSection is memoized, so the renders of this page that change none of them
  // (the session confirmed by Keycloak, an unrelated query) do not render the list and its cards again
  // (issue 11, blocking time: the logged-in home page rendered every card once more per step of its login).
  const renderOfferAction = useCallback(
    (offer: Offer) =>
      current && (
        <>
          <ClaimOffer offer={offer} edition={current} eligible={eligible} />
          <WaitlistOffer
            offer={offer}
            edition={current}
            eligible={eligible}
            holdsTicket={tickets.data?.some((ticket) => ticket.status === 'ACTIVE' && ticket.offer.id === offer.id)}
          />
        </>
      ),
    [current, eligible, tickets.data],
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
