import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

function claimWindow(edition: Edition, now: number): 'open' | 'upcoming' | 'closed' {
  if (edition.claimOpen) return 'open';
  return Date.parse(edition.claimOpensAt) > now ? 'upcoming' : 'closed';
}

type Props = {
  edition: Edition;
  /** Other "How" and "Until when" lines (a ballot edition's, composed by the page). */
  how?: string;
  until?: string;
};

/** Name, days, claim window and rules of an edition. */
export function EditionSummary({ edition, how, until }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [now] = useState(Date.now);
  const phase = claimWindow(edition, now);
  const claim =
    phase === 'open'
      ? t('edition.untilOpen', { date: format.lastMoment(edition.claimClosesAt, edition.timeZone) })
      : phase === 'upcoming'
        ? t('edition.claimUpcoming', { date: format.dateTime(edition.claimOpensAt, edition.timeZone) })
        : t('edition.claimClosed', { date: format.dateTime(edition.claimClosesAt, edition.timeZone) });

  const territories = format.list(edition.territories.map((territory) => format.localized(territory.name)));

  // The first screen says who, how and until when in three short lines, so that an offer still shows
  // on a phone under it.
  return (
    <section className="edition-summary" aria-labelledby="edition-name">
      <h1 id="edition-name">{format.localized(edition.names)}</h1>
      <p className="edition-summary__days">
        <span className="visually-hidden">{t('edition.days')}: </span>
        {edition.days.map((day, i) => (
          <span key={day}>
            {i > 0 && ', '}
            <time dateTime={day}>{format.day(day, { weekday: 'long', day: 'numeric', month: 'long' })}</time>
          </span>
        ))}
      </p>
      <dl className="edition-summary__how">
        <div>
          <dt>{t('edition.who')}</dt>
          <dd data-testid="edition-who">{t('edition.whoText', { territories })}</dd>
        </div>
        <div>
          <dt>{t('edition.how')}</dt>
          <dd>{how ?? t('edition.howText')}</dd>
        </div>
        <div>
          <dt>{t('edition.until')}</dt>
          <dd className={`edition-summary__claim edition-summary__claim--${phase}`}>{until ?? claim}</dd>
        </div>
      </dl>
      <p className="edition-summary__rules">
        {t('edition.ticketsPerResident', { count: edition.maxTicketsPerResident })} ·{' '}
        {t('edition.partySize', { count: edition.maxPartySize })}
      </p>
    </section>
  );
}
