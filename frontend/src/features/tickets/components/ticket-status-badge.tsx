import { useTranslation } from '@/lib/i18n/react';
import type { Ticket, TicketStatus } from '@/lib/api/types';

/** A valid ticket whose whole party is already in: nothing more to show at the door. */
export function isUsedUp(ticket: Pick<Ticket, 'status' | 'personsAdmitted' | 'partySize'>): boolean {
  return ticket.status === 'ACTIVE' && ticket.personsAdmitted >= ticket.partySize;
}

export function TicketStatusBadge({ status, used = false }: { status: TicketStatus; used?: boolean }) {
  const { t } = useTranslation();
  const shown = used ? 'USED' : status;
  return (
    <span className={`status-badge status-badge--${shown.toLowerCase()}`} data-testid="ticket-status">
      {t(`tickets.status.${shown}`)}
    </span>
  );
}
