import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '@/lib/api/types';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status.toLowerCase()}`} data-testid="ticket-status">
      {t(`tickets.status.${status}`)}
    </span>
  );
}
