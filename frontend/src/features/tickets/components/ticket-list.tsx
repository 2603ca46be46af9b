import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Ticket } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { calendarDay } from '@/lib/dates';
import { useFormat } from '@/lib/i18n';
import { NetworkError } from '@/lib/api/errors';
import { useMyTickets } from '../api/get-my-tickets';
import { serverUnreachable, useTicketListCopy } from '../api/offline-copies';
import { isUsedUp, TicketStatusBadge } from './ticket-status-badge';

export type TicketSection = 'today' | 'upcoming' | 'past' | 'cancelled';
const SECTIONS: readonly TicketSection[] = ['today', 'upcoming', 'past', 'cancelled'];

/**
 * Where a ticket belongs at `now`: today's and upcoming valid tickets first, then those used or whose
 * day is over, then cancelled ones. The day is the edition's (the offer's zone).
 */
export function ticketSection(ticket: Ticket, now: number): TicketSection {
  if (ticket.status === 'CANCELLED') return 'cancelled';
  const today = calendarDay(now, ticket.offer.timeZone);
  if (isUsedUp(ticket) || ticket.offer.day < today) return 'past';
  return ticket.offer.day === today ? 'today' : 'upcoming';
}

/** Tickets by section: upcoming by visit date, soonest first; past and cancelled, latest first. */
export function sectionTickets(tickets: readonly Ticket[], now: number): Record<TicketSection, Ticket[]> {
  const out: Record<TicketSection, Ticket[]> = { today: [], upcoming: [], past: [], cancelled: [] };
  for (const ticket of tickets) out[ticketSection(ticket, now)].push(ticket);
  const soonest = (a: Ticket, b: Ticket) => a.offer.day.localeCompare(b.offer.day) || a.id - b.id;
  out.today.sort(soonest);
  out.upcoming.sort(soonest);
  out.past.sort((a, b) => -soonest(a, b));
  out.cancelled.sort((a, b) => -soonest(a, b));
  return out;
}

/** Whether the user may claim in the current edition (known from the page: their account and the edition). */
export type Eligibility = {
  eligible: boolean;
  postcode?: string;
  /** The edition's territories, named in the UI language. */
  territories: readonly string[];
};

type Props = {
  eligibility?: Eligibility;
  /** The clock (tests). */
  now?: number;
};

/**
 * The logged-in user's tickets in sections (today, upcoming, used or past, cancelled) with their counts;
 * the count at the top is of valid tickets only. Someone who may not claim is told why, not invited to.
 */
export function TicketList({ eligibility, now: fixedNow }: Props) {
  const { t } = useTranslation();
  const { username } = useAuth();
  const tickets = useMyTickets(username);
  const format = useFormat();
  // No network: the list this device kept when it was last seen.
  const unreachable = serverUnreachable(tickets);
  const copy = useTicketListCopy(username, unreachable);
  const [now] = useState(() => fixedNow ?? Date.now());

  const data = tickets.data ?? (unreachable ? copy.data?.value : undefined);
  const offlineSavedAt = tickets.data ? undefined : copy.data?.savedAt;
  if (!data) {
    if (tickets.isPending && !(unreachable && copy.isFetched)) return <Loading />;
    return <ErrorState error={tickets.error ?? new NetworkError()} onRetry={() => void tickets.refetch()} />;
  }
  const offlineNote = offlineSavedAt !== undefined && (
    <p className="notice tickets__offline" data-testid="offline-copy">
      {t('tickets.offlineList', { date: format.dateTime(new Date(offlineSavedAt).toISOString()) })}
    </p>
  );

  const outsider = eligibility?.eligible === false ? <NotEligible {...eligibility} /> : null;
  if (data.length === 0) {
    return (
      outsider ?? (
        <p className="empty-state">
          {t('tickets.empty')} <Link to={paths.offers.href()}>{t('tickets.browse')}</Link>
        </p>
      )
    );
  }
  const sections = sectionTickets(data, now);
  const valid = data.length - sections.cancelled.length;
  return (
    <>
      {outsider}
      {offlineNote}
      <p className="tickets__meta" data-testid="tickets-count">
        {t('tickets.validCount', { count: valid })}
      </p>
      {SECTIONS.filter((section) => sections[section].length > 0).map((section) => (
        <section key={section} className={`tickets-section tickets-section--${section}`} aria-labelledby={`tickets-${section}`}>
          <h2 id={`tickets-${section}`} className="tickets-section__title">
            {t(`tickets.section.${section}`)}{' '}
            <span className="tickets-section__count">{t('tickets.sectionCount', { count: sections[section].length })}</span>
          </h2>
          <ul className="ticket-list">
            {sections[section].map((ticket) => (
              <li key={ticket.id}>
                <TicketCard ticket={ticket} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** An account whose postcode is outside the edition's territories: why it cannot claim, and what to do. */
function NotEligible({ postcode, territories }: Eligibility) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="notice tickets__not-eligible" data-testid="not-eligible">
      <p>
        {territories.length > 0
          ? t('tickets.notEligible.who', { territories: format.list([...territories]) })
          : t('tickets.notEligible.whoUnknown')}{' '}
        {postcode ? t('tickets.notEligible.postcode', { postcode }) : t('tickets.notEligible.noPostcode')}
      </p>
      <p>
        {t('tickets.notEligible.moved')} <Link to={paths.account.href()}>{t('nav.account')}</Link>
      </p>
    </div>
  );
}

function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attraction } = ticket.offer;
  const headingId = `ticket-${ticket.id}`;
  const cancelled = ticket.status === 'CANCELLED';
  const used = isUsedUp(ticket);
  return (
    <article
      className={`ticket-card${cancelled ? ' ticket-card--cancelled' : ''}${used ? ' ticket-card--used' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="ticket-card__header">
        <h3 id={headingId} className="ticket-card__title">
          <Link to={paths.ticket.href(ticket.id)}>{format.localized(attraction.name)}</Link>
        </h3>
        <TicketStatusBadge status={ticket.status} used={used} />
      </div>
      <p className="ticket-card__where">
        {attraction.town} · {format.localized(attraction.territory.name)}
      </p>
      <p>
        <time dateTime={ticket.offer.day}>{format.day(ticket.offer.day)}</time> ·{' '}
        {t('tickets.people', { count: ticket.partySize })}
      </p>
      <p className="ticket-card__code">
        <span className="visually-hidden">{t('tickets.code')}: </span>
        <code>{ticket.code}</code>
      </p>
    </article>
  );
}
