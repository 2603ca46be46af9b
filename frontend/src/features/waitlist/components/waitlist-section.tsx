import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { ErrorState } from '@/components/ui/error-state';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { calendarDay } from '@/lib/dates';
import { useFormat } from '@/lib/i18n';
import { useMyWaitlist, waitlistUser, type WaitlistEntry } from '../api/get-my-waitlist';
import { positionText } from '../position';
import { LeaveWaitlistButton } from './leave-waitlist-button';
import '../waitlist.css';

type Props = {
  /** The clock (tests). */
  now?: number;
};

/** Served entries whose day has not passed yet: "a place came free" is news until the visit. */
function isRecentlyServed(entry: WaitlistEntry, now: number): boolean {
  return entry.status === 'SERVED' && entry.ticketId != null && entry.offer.day >= calendarDay(now, entry.offer.timeZone);
}

/**
 * The user's waiting lists on the My tickets page: where they wait (position, persons ahead, Leave),
 * then the places that came free for them, with their ticket. Nothing when there is neither.
 */
export function WaitlistSection({ now: fixedNow }: Props) {
  const { t } = useTranslation();
  const user = waitlistUser(useAuth());
  const waitlist = useMyWaitlist(user);
  const [now] = useState(() => fixedNow ?? Date.now());
  const [left, setLeft] = useState<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (left) headingRef.current?.focus();
  }, [left]);

  // Only residents have waiting lists; nothing while they load (the tickets above say the page is loading).
  if (!user || waitlist.isPending) return null;
  if (!waitlist.data) return <ErrorState error={waitlist.error} onRetry={() => void waitlist.refetch()} />;

  const soonest = (a: WaitlistEntry, b: WaitlistEntry) => a.offer.day.localeCompare(b.offer.day) || a.id - b.id;
  const waiting = waitlist.data.filter((e) => e.status === 'WAITING').sort(soonest);
  const served = waitlist.data.filter((e) => isRecentlyServed(e, now)).sort(soonest);
  if (waiting.length === 0 && served.length === 0 && !left) return null;

  return (
    <section className="tickets-section waitlist-section" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title" ref={headingRef} className="tickets-section__title" tabIndex={-1}>
        {t('waitlist.section.title')}{' '}
        <span className="tickets-section__count">{t('waitlist.section.count', { count: waiting.length })}</span>
      </h2>
      <p className="visually-hidden" role="status">
        {left ?? ''}
      </p>
      {waiting.length === 0 ? (
        <p className="empty-state">{t('waitlist.section.none')}</p>
      ) : (
        <ul className="ticket-list">
          {waiting.map((entry) => (
            <li key={entry.id}>
              <WaitingCard entry={entry} onLeft={(name) => setLeft(t('waitlist.section.left', { name }))} />
            </li>
          ))}
        </ul>
      )}
      {served.length > 0 && (
        <>
          <h3 className="waitlist-section__served">{t('waitlist.section.served')}</h3>
          <ul className="ticket-list">
            {served.map((entry) => (
              <li key={entry.id}>
                <ServedCard entry={entry} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function EntryHeader({ entry, headingId }: { entry: WaitlistEntry; headingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attraction } = entry.offer;
  return (
    <>
      <h3 id={headingId} className="ticket-card__title">
        {format.localized(attraction.name)}
      </h3>
      <p className="ticket-card__where">
        {attraction.town} · {format.localized(attraction.territory.name)}
      </p>
      <p>
        <time dateTime={entry.offer.day}>{format.day(entry.offer.day)}</time> ·{' '}
        {t('waitlist.people', { count: entry.partySize })}
      </p>
    </>
  );
}

function WaitingCard({ entry, onLeft }: { entry: WaitlistEntry; onLeft: (name: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `waitlist-entry-${entry.id}`;
  return (
    <article className="ticket-card waitlist-card" aria-labelledby={headingId}>
      <EntryHeader entry={entry} headingId={headingId} />
      <p className="waitlist-card__position">{positionText(entry, t)}</p>
      {entry.source === 'BALLOT' && <p className="field__hint">{t('waitlist.section.fromBallot')}</p>}
      <LeaveWaitlistButton entry={entry} onLeft={() => onLeft(format.localized(entry.offer.attraction.name))} />
    </article>
  );
}

function ServedCard({ entry }: { entry: WaitlistEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `waitlist-entry-${entry.id}`;
  return (
    <article className="ticket-card waitlist-card waitlist-card--served" aria-labelledby={headingId}>
      <EntryHeader entry={entry} headingId={headingId} />
      <p>
        {t('waitlist.section.placeCame')}{' '}
        <Link to={paths.ticket.href(entry.ticketId!)}>
          {t('waitlist.section.yourTicket')}{' '}
          <span className="visually-hidden">
            {t('waitlist.target', {
              name: format.localized(entry.offer.attraction.name),
              day: format.day(entry.offer.day, { weekday: 'long', day: 'numeric', month: 'long' }),
            })}
          </span>
        </Link>
      </p>
    </article>
  );
}
