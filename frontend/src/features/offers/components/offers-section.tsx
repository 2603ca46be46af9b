import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Edition, Offer } from '@/lib/api/types';
import type { OfferFilters as Filters } from '../api/get-offers';
import { isCategory } from '../categories';
import { OfferFilters } from './offer-filters';
import { OffersList } from './offers-list';

/** Reads the filters from the URL (?day=&territory=&category=), ignoring values the edition does not have. */
function filtersFrom(params: URLSearchParams, edition: Edition): Filters {
  const day = params.get('day') ?? undefined;
  const territory = params.get('territory') ?? undefined;
  const category = params.get('category') ?? undefined;
  return {
    day: day && edition.days.includes(day) ? day : undefined,
    territory: territory && edition.territories.some((t) => t.code === territory) ? territory : undefined,
    category: isCategory(category) ? category : undefined,
  };
}

/** Filters plus list, with the filters kept in the URL so a filtered list can be shared or bookmarked. */
type Props = {
  edition: Edition;
  /** The action of each offer card (the claim button), composed by the page. */
  renderOfferAction?: (offer: Offer) => ReactNode;
};

export function OffersSection({ edition, renderOfferAction }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, edition);

  const onChange = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };

  return (
    <section className="offers-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('offers.title')}</h2>
      <OfferFilters days={edition.days} territories={edition.territories} value={filters} onChange={onChange} />
      <OffersList editionId={edition.id} filters={filters} headingId={headingId} renderOfferAction={renderOfferAction} />
    </section>
  );
}
