import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition, Offer } from '@/lib/api/types';
import { useLatestSearchParams } from '@/lib/search-params';
import type { OfferFilters as Filters } from '../api/get-offers';
import { isCategory } from '../categories';
import { OfferFilters } from './offer-filters';
import { OffersList } from './offers-list';

/** Reads the filters from the URL (?day=&territory=&category=), ignoring values the edition does not have. */
export function filtersFrom(params: URLSearchParams, edition: Edition): Filters {
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

/**
 * Memoized: the home page renders again whenever the login's steps arrive (the session, the user's
 * tickets and eligibility); the list and its cards only when the edition or the card action changes
 * (the page keeps renderOfferAction's identity while its inputs stay). Its own hooks (the URL's
 * filters, the offers query, the texts) still render it when they change.
 */
export const OffersSection = memo(function OffersSection({ edition, renderOfferAction }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [params, updateParams] = useLatestSearchParams();
  const filters = filtersFrom(params, edition);
  const activeFilters = [filters.day, filters.territory, filters.category].filter(Boolean).length;
  // On a phone the filters fold away under one line, so that the first offers show on the first screen;
  // open from the start on wider screens, or when a filter is set.
  const [filtersOpen, setFiltersOpen] = useState(
    () => activeFilters > 0 || typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 40rem)').matches,
  );

  // From the latest filters (another change may not have rendered yet); only the filters stay in the URL.
  const onChange = (changed: Filters) =>
    updateParams((latest) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...filtersFrom(latest, edition), ...changed })) {
        if (value) search.set(key, String(value));
      }
      return search;
    });

  return (
    <section className="offers-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('offers.title')}</h2>
      <details
        className="offers-section__filters"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary>{t('offers.filters.show', { count: activeFilters })}</summary>
        {/* Drawn once opened: a phone's first render has no selects to make for a folded panel. */}
        {filtersOpen && (
          <OfferFilters days={edition.days} territories={edition.territories} value={filters} onChange={onChange} />
        )}
      </details>
      <OffersList editionId={edition.id} filters={filters} headingId={headingId} renderOfferAction={renderOfferAction} />
    </section>
  );
});
