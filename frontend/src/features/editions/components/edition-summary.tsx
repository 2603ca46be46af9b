import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

function claimWindow(edition: Edition, now: number): 'open' | 'upcoming' | 'closed' {
  if (edition.claimOpen) return 'open';
  return Date.parse(edition.claimOpensAt) > now ? 'upcoming' : 'closed';
}

/** Name, days, claim window and rules of an edition. */
export function EditionSummary({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [now] = useState(Date.now);
  const phase = claimWindow(edition, now);
  const claim =
    phase === 'open'
      ? t('edition.claimOpen', { date: format.lastMoment(edition.claimClosesAt, edition.timeZone) })
      : phase === 'upcoming'
        ? t('edition.claimUpcoming', { date: format.dateTime(edition.claimOpensAt, edition.timeZone) })
        : t('edition.claimClosed', { date: format.dateTime(edition.claimClosesAt, edition.timeZone) });

  return (
    <section className="edition-summary" aria-labelledby="edition-name">
      <h1 id="edition-name">{edition.name}</h1>
      <p className="edition-summary__territories">{format.list(edition.territories.map((t) => format.localized(t.name)))}</p>
      <p className="edition-summary__days">
        <span className="visually-hidden">{t('edition.days')}: </span>
        {edition.days.map((day, i) => (
          <span key={day}>
            {i > 0 && ', '}
            <time dateTime={day}>{format.day(day)}</time>
          </span>
        ))}
      </p>
      <p className={`edition-summary__claim edition-summary__claim--${phase}`}>{claim}</p>
      <ul className="edition-summary__rules">
        <li>{t('edition.ticketsPerResident', { count: edition.maxTicketsPerResident })}</li>
        <li>{t('edition.partySize', { count: edition.maxPartySize })}</li>
      </ul>
    </section>
  );
}
