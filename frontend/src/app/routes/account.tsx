import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { AccountDetails } from '@/features/account/components/account-details';
import { useCurrentEdition } from '@/lib/api/get-editions';
import { useAuth } from '@/lib/auth';
import { DocumentTitle } from '@/components/ui/document-title';

export function AccountRoute() {
  const { t } = useTranslation();
  const edition = useCurrentEdition();
  const { authenticated } = useAuth();
  return (
    <>
      <DocumentTitle>{`${t('account.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('account.title')}</h1>
      {edition.isPending ? (
        <Loading />
      ) : (
        <>
          {edition.isError && <ErrorState error={edition.error} onRetry={() => void edition.refetch()} />}
          <AccountDetails edition={edition.data ?? null} />
          {authenticated && (
            <section className="card" aria-labelledby="account-tickets">
              <h2 id="account-tickets">{t('account.ticketsTitle')}</h2>
              <p>{t('account.ticketsText')}</p>
              <p>
                <Link to={paths.tickets.href()} className="button button--secondary">
                  {t('account.ticketsLink')}
                </Link>
              </p>
            </section>
          )}
        </>
      )}
    </>
  );
}
