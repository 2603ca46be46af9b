import { useTranslation } from '@/lib/i18n/react';
import { RequireLogin } from '@/components/layout/require-login';
import { useMe } from '@/features/account/api/get-me';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { WaitlistSection } from '@/features/waitlist/components/waitlist-section';
import { useCurrentEdition } from '@/lib/api/get-editions';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { DocumentTitle } from '@/components/ui/document-title';

/** The tickets, with whether the account may claim in the current edition (an outsider is told why not). */
function MyTickets() {
  const format = useFormat();
  const { username } = useAuth();
  const edition = useCurrentEdition();
  const me = useMe(edition.data ? username : undefined, edition.data?.id);
  const eligibility =
    me.data && edition.data
      ? {
          eligible: me.data.eligible,
          postcode: me.data.postcode ?? undefined,
          territories: edition.data.territories.map((territory) => format.localized(territory.name)),
        }
      : undefined;
  return (
    <>
      <TicketList eligibility={eligibility} />
      <WaitlistSection />
    </>
  );
}

export function TicketsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle>{`${t('tickets.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('tickets.title')}</h1>
      <RequireLogin message={t('tickets.loggedOut')}>
        <MyTickets />
      </RequireLogin>
    </>
  );
}
