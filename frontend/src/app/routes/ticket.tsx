import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n/react';
import { getTicketQueryOptions } from '@/features/tickets/api/get-ticket';
import { getTicketQrQueryOptions } from '@/features/tickets/api/get-ticket-qr';
import { useLocation, useParams } from '@/lib/router';
import { RequireLogin } from '@/components/layout/require-login';
import type { ClaimedState } from '@/features/tickets/components/claim-form';
import { TicketDetails } from '@/features/tickets/components/ticket-details';
import { NotFoundRoute } from './not-found';
import { DocumentTitle } from '@/components/ui/document-title';

function wasJustClaimed(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<ClaimedState>).claimed === true;
}

/** What the page's first screen shows, fetched as the app starts on its address (first-screen.ts). */
export function prepareTicketScreen(client: QueryClient, username: string, id: number): Promise<unknown> {
  return Promise.all([
    client.prefetchQuery(getTicketQueryOptions(username, id)),
    client.prefetchQuery(getTicketQrQueryOptions(username, id)),
  ]);
}

export function TicketRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { state } = useLocation();
  const ticketId = Number(id);
  if (!/^\d+$/.test(id ?? '') || !Number.isSafeInteger(ticketId)) return <NotFoundRoute />;
  const heading = (
    <>
      <DocumentTitle>{`${t('tickets.ticketTitle')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('tickets.ticketTitle')}</h1>
    </>
  );
  return (
    <RequireLogin message={t('tickets.loggedOutTicket')} heading={heading}>
      <TicketDetails key={ticketId} id={ticketId} justClaimed={wasJustClaimed(state)} />
    </RequireLogin>
  );
}
