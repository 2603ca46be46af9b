import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Ticket } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useMyTickets } from '../api/get-my-tickets';
import { TicketStatusBadge } from './ticket-status-badge';

/** The logged-in user's tickets, newest first; cancelled ones stay, with their status. */
export function TicketList() {
  const { t } = useTranslation();
  const { username } = useAuth();
  const tickets = useMyTickets(username);

  if (tickets.isPending) return <Loading />;
  if (!tickets.data) return <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />;
  if (tickets.data.length === 0) {
    return (
      <p className="empty-state">
        {t('tickets.empty')} <Link to={paths.offers.href()}>{t('tickets.browse')}</Link>
      </p>
    );
  }
  return (
    <>
      <p className="tickets__meta">{t('tickets.count', { count: tickets.data.length })}</p>
      <ul className="ticket-list">
        {tickets.data.map((ticket) => (
          <li key={ticket.id}>
            <TicketCard ticket={ticket} />
          </li>
        ))}
      </ul>
    </>
  );
}

function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attraction } = ticket.offer;
  const headingId = `ticket-${ticket.id}`;
  const cancelled = ticket.status === 'CANCELLED';
  return (
    <article className={`ticket-card${cancelled ? ' ticket-card--cancelled' : ''}`} aria-labelledby={headingId}>
      <div className="ticket-card__header">
        <h2 id={headingId} className="ticket-card__title">
          <Link to={paths.ticket.href(ticket.id)}>{format.localized(attraction.name)}</Link>
        </h2>
        <TicketStatusBadge status={ticket.status} />
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
