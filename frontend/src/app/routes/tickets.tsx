import { useTranslation } from 'react-i18next';
import { RequireLogin } from '@/components/layout/require-login';
import { TicketList } from '@/features/tickets/components/ticket-list';

export function TicketsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('tickets.title')} · ${t('app.name')}`}</title>
      <h1>{t('tickets.title')}</h1>
      <RequireLogin message={t('tickets.loggedOut')}>
        <TicketList />
      </RequireLogin>
    </>
  );
}
