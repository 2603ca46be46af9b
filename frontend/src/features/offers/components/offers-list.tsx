import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { OFFERS_FIRST_RENDERED, OFFERS_PER_DAY_SHOWN, OFFERS_RENDERED_PER_STEP } from '@/config/settings';
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

/** Offers grouped by day (days in order), each day's attractions in the language's alphabetical order. */
export function groupByDay(offers: readonly Offer[], compare: (a: string, b: string) => number, name: (offer: Offer) => string) {
  const days = new Map<string, Offer[]>();
  for (const offer of offers) {
    const list = days.get(offer.day);
    if (list) list.push(offer);
    else days.set(offer.day, [offer]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({ day, offers: [...list].sort((a, b) => compare(name(a), name(b)) || a.id - b.id) }));
}

/**
 * How many cards may be drawn so far: the first ones at once, then a few more after each paint, until
 * `total`; then every card. The first render of the home page comes before its first paint with its
 * offers (first-screen.ts) and draws two days' cards; an edition of more days gets its other days' first
 * cards a few per paint, never one long task for all (issue 11, blocking time).
 */
function useStepwise(total: number): number {
  const [drawn, setDrawn] = useState(OFFERS_FIRST_RENDERED);
  const done = drawn >= total;
  useEffect(() => {
    if (done) return;
    const next = setTimeout(() => setDrawn((n) => n + OFFERS_RENDERED_PER_STEP), 0);
    return () => clearTimeout(next);
  }, [done, drawn]);
  return done ? Number.POSITIVE_INFINITY : drawn;
}

/**
 * The card action for the card at `index`: the latest from its first cards on, a few more after each
 * paint; the others keep the action before (the user's tickets and eligibility arriving change every
 * card's action at once, one long task when done in one render).
 */
function useStepwiseAction(action: Props['renderOfferAction'], total: number) {
  const [rollout, setRollout] = useState({ latest: action, before: action, reached: Number.POSITIVE_INFINITY });
  // A new action starts a new rollout (state adjusted while rendering, as React advises for props).
  if (action !== rollout.latest) setRollout({ latest: action, before: rollout.latest, reached: OFFERS_FIRST_RENDERED });
  const done = rollout.reached >= total;
  useEffect(() => {
    if (done) return;
    const next = setTimeout(() => setRollout((r) => ({ ...r, reached: r.reached + OFFERS_RENDERED_PER_STEP })), 0);
    return () => clearTimeout(next);
  }, [done, rollout]);
  return (index: number) => (done || index < rollout.reached ? rollout.latest : rollout.before);
}

/** The offers matching the filters, by day, a few per day at first ("show more"); refreshed every 30 s. */
export function OffersList({ editionId, filters, headingId, renderOfferAction }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const offers = useOffers(editionId, filters);
  const list = offers.data ?? [];
  // Sorted again only when the list or the language changes (not at each step of the drawing).
  const { language } = format;
  const days = useMemo(
    () => groupByDay(list, format.collator().compare, (offer) => format.localized(offer.attraction.name)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- format follows the language
    [list, language],
  );
  // Cards shown at first, in page order (each day's first few), and where each day's start among them.
  const firstOfDay: number[] = [];
  let firstShown = 0;
  for (const day of days) {
    firstOfDay.push(firstShown);
    firstShown += Math.min(day.offers.length, OFFERS_PER_DAY_SHOWN);
  }
  const drawn = useStepwise(firstShown);
  const actionAt = useStepwiseAction(renderOfferAction, firstShown);

  if (offers.isPending) return <Loading />;
  if (offers.isError && !offers.data) return <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />;

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
        days.map(({ day, offers: dayOffers }, i) => {
          const before = firstOfDay[i] ?? 0;
          return (
            <OffersOfDay
              key={`${day}|${filters.territory ?? ''}|${filters.category ?? ''}`}
              day={day}
              offers={dayOffers}
              listLabelledBy={headingId}
              drawn={Math.max(0, drawn - before)}
              actionAt={(index) => actionAt(before + index)}
            />
          );
        })
      )}
    </div>
  );
}

type DayProps = {
  day: string;
  offers: readonly Offer[];
  listLabelledBy?: string;
  /** How many of its cards may be drawn yet (useStepwise). */
  drawn: number;
  /** The action of its card at an index (useStepwiseAction). */
  actionAt: (index: number) => Props['renderOfferAction'];
};

/** One day's offers: the first few, then "show more" (the focus goes to the first card it brings). */
function OffersOfDay({ day, offers, listLabelledBy, drawn, actionAt }: DayProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(OFFERS_PER_DAY_SHOWN);
  /** After "show more": the index of the first card it brought, to move the focus to. */
  const focusFrom = useRef<number | undefined>(undefined);
  const listRef = useRef<HTMLUListElement>(null);
  const headingId = `offers-day-${day}`;
  const dayName = format.day(day, { weekday: 'long', day: 'numeric', month: 'long' });
  const rest = offers.length - shown;

  useEffect(() => {
    if (focusFrom.current === undefined) return;
    const heading = listRef.current?.children[focusFrom.current]?.querySelector<HTMLElement>('h4');
    focusFrom.current = undefined;
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [shown]);

  return (
    <section className="offer-day" aria-labelledby={headingId}>
      <h3 id={headingId} className="offer-day__title">
        {dayName} <span className="offer-day__count">{t('offers.dayCount', { count: offers.length })}</span>
      </h3>
      <ul ref={listRef} className="offer-grid" aria-labelledby={listLabelledBy ? `${listLabelledBy} ${headingId}` : headingId}>
        {offers.slice(0, Math.min(shown, drawn)).map((offer, index) => (
          <li key={offer.id}>
            <OfferItem offer={offer} renderAction={actionAt(index)} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          className="button button--secondary offer-day__more"
          onClick={() => {
            focusFrom.current = shown;
            setShown(shown + OFFERS_PER_DAY_SHOWN * 2);
          }}
        >
          {t('offers.showMore', { count: Math.min(rest, OFFERS_PER_DAY_SHOWN * 2) })}{' '}
          <span className="visually-hidden">{t('offers.showMoreOf', { day: dayName, count: rest })}</span>
        </button>
      )}
    </section>
  );
}

/** A card, drawn again only when its offer or its action changes (not when others are added). */
const OfferItem = memo(function OfferItem({ offer, renderAction }: { offer: Offer; renderAction: Props['renderOfferAction'] }) {
  return <OfferCard offer={offer} action={renderAction?.(offer)} />;
});
