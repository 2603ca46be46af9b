import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Offer } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

type Props = {
  offer: Offer;
  /** What the user can do with the offer (claim it), given by the page. */
  action?: ReactNode;
};

export function OfferCard({ offer, action }: Props) {
  return (
    <article className={`offer-card${offer.remaining <= 0 ? ' offer-card--sold-out' : ''}`} aria-labelledby={`offer-${offer.id}`}>
      <OfferFacts offer={offer} />
      {action && <div className="offer-card__action">{action}</div>}
      <OfferDetails offer={offer} />
    </article>
  );
}

/**
 * What the card says of the offer. Memoized, as the details below: the page renders the cards again
 * whenever the claim buttons' inputs change (login, the user's tickets and waiting lists arriving), and
 * only the buttons change then (issue 11, blocking time). The offer keeps its identity until the
 * server's answer changes it (TanStack Query's structural sharing); a language change renders it
 * again through useTranslation.
 */
const OfferFacts = memo(function OfferFacts({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attraction } = offer;
  const soldOut = offer.remaining <= 0;
  const share = offer.capacity > 0 ? Math.min(100, Math.round((offer.remaining / offer.capacity) * 100)) : 0;
  return (
    <>
      <header className="offer-card__header">
        <h4 id={`offer-${offer.id}`} className="offer-card__title">
          {format.localized(attraction.name)}
        </h4>
        <span className={`badge badge--${attraction.category.toLowerCase()}`}>{t(`category.${attraction.category}`)}</span>
      </header>
      <p className="offer-card__where">
        {attraction.town} · {format.localized(attraction.territory.name)}
      </p>
      <p className="offer-card__day">
        <time dateTime={offer.day}>{format.day(offer.day)}</time>
      </p>
      <div className="offer-card__places">
        {soldOut ? (
          <p className="places places--sold-out">{t('offers.soldOut')}</p>
        ) : (
          <p className="places">{t('offers.placesLeft', { count: offer.remaining, capacity: offer.capacity })}</p>
        )}
        <div className="places-bar" aria-hidden="true">
          <span style={{ width: `${share}%` }} />
        </div>
      </div>
    </>
  );
});

/**
 * The description, address and accessibility, in a keyboard disclosure whose content renders once
 * first opened: a closed one shows none of it, and the home page's first render (every card) makes
 * fewer nodes and calls fewer translations (issue 11, blocking time).
 */
const OfferDetails = memo(function OfferDetails({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, setOpened] = useState(false);
  const { attraction } = offer;
  const name = format.localized(attraction.name);
  const accessibility = format.localized(attraction.accessibility);
  return (
    <details className="offer-card__details" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>
        {t('offers.details')}
        <span className="visually-hidden"> {t('offers.detailsOf', { name })}</span>
      </summary>
      {opened && (
        <dl>
          <dt>{t('offers.description')}</dt>
          <dd>{format.localized(attraction.description)}</dd>
          <dt>{t('offers.address')}</dt>
          <dd>
            <address>
              {attraction.address}, {attraction.postcode} {attraction.town}
            </address>
          </dd>
          {accessibility && (
            <>
              <dt>{t('offers.accessibility')}</dt>
              <dd>{accessibility}</dd>
            </>
          )}
        </dl>
      )}
    </details>
  );
});
