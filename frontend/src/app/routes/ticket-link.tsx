import { useParams } from '@/lib/router';
import { TicketLinkPanel } from '@/features/tickets/components/ticket-link-panel';

/** /links/:token, opened from a reminder mail: no login needed. */
export function TicketLinkRoute() {
  const { token = '' } = useParams();
  return <TicketLinkPanel token={token} />;
}
