import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useCurrentEdition } from '@/features/editions/api/get-editions';
import { EditionSummary } from '@/features/editions/components/edition-summary';
import { OffersSection } from '@/features/offers/components/offers-section';

export function OffersRoute() {
  const { t } = useTranslation();
  const edition = useCurrentEdition();
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
  return (
    <>
      <title>{`${edition.data.name} · ${t('app.name')}`}</title>
      <EditionSummary edition={edition.data} />
      <OffersSection edition={edition.data} />
    </>
  );
}
