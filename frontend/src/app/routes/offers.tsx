import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/account/api/get-me';
import { BallotNotice } from '@/features/ballot/components/ballot-notice';
import { MyApplication } from '@/features/ballot/components/my-application';
import { useCurrentEdition } from '@/lib/api/get-editions';
import { EditionSummary } from '@/features/editions/components/edition-summary';
import { OffersSection } from '@/features/offers/components/offers-section';
import { ClaimOffer } from '@/features/tickets/components/claim-offer';
import { useAuth } from '@/lib/auth';

export function OffersRoute() {
  const { t } = useTranslation();
  const edition = useCurrentEdition();
  const auth = useAuth();
  // Whether the logged-in user may claim here: the claim buttons say so before any refusal.
  const me = useMe(auth.authenticated && edition.data ? auth.username : undefined, edition.data?.id);
  const title = <title>{`${t('offers.title')} · ${t('app.name')}`}</title>;

  if (edition.isPending) return <>{title}<Loading /></>;
  if (edition.isError) return <>{title}<ErrorState error={edition.error} onRetry={() => void edition.refetch()} /></>;
  if (!edition.data) {
    return (
      <>
        {title}
        <h1>{t('app.name')}</h1>
        <p className="empty-state">{t('edition.none')}</p>
      </>
    );
  }
  const current = edition.data;
  if (current.allocationMode === 'BALLOT') {
    // A ballot: no claim buttons; the application form instead.
    return (
      <>
        <title>{`${current.name} · ${t('app.name')}`}</title>
        <EditionSummary edition={current} />
        <BallotNotice edition={current} />
        <MyApplication edition={current} />
        <OffersSection edition={current} />
      </>
    );
  }
  return (
    <>
      <title>{`${current.name} · ${t('app.name')}`}</title>
      <EditionSummary edition={current} />
      <OffersSection
        edition={current}
        renderOfferAction={(offer) => <ClaimOffer offer={offer} edition={current} eligible={me.data?.eligible} />}
      />
    </>
  );
}
