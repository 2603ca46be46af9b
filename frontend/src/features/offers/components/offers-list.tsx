import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Offer } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useOffers, type OfferFilters } from '../api/get-offers';
import { OfferCard } from './offer-card';

type Props = {
  editionId: number;
  filters: OfferFilters;
  headingId?: string;
  /** The action of each offer card (the claim button), composed by the page. */
  renderOfferAction?: (offer: Offer) => ReactNode;
};

/** The offers matching the filters, refreshed every 30 s. */
export function OffersList({ editionId, filters, headingId, renderOfferAction }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const offers = useOffers(editionId, filters);

  if (offers.isPending) return <Loading />;
  if (offers.isError && !offers.data) return <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />;

  const list = offers.data ?? [];
  const filtered = Boolean(filters.day || filters.territory || filters.category);
  return (
    <div className="offers" aria-busy={offers.isFetching && offers.isPlaceholderData}>
      <p className="offers__meta">
        <span aria-live="polite">{t('offers.results', { count: list.length })}</span>
        {offers.dataUpdatedAt > 0 && (
          <span className="offers__updated"> · {t('offers.updatedAt', { time: format.time(offers.dataUpdatedAt) })}</span>
        )}
      </p>
      {/* A failed refresh keeps the last list on screen, with the error above it. */}
      {offers.isError && <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />}
      {list.length === 0 ? (
        <p className="empty-state">{filtered ? t('offers.empty') : t('offers.emptyEdition')}</p>
      ) : (
        <ul className="offer-grid" aria-labelledby={headingId}>
          {list.map((offer) => (
            <li key={offer.id}>
              <OfferCard offer={offer} action={renderOfferAction?.(offer)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
