import { useTranslation } from '@/lib/i18n/react';
import { RequireLogin } from '@/components/layout/require-login';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import { useEditions } from '@/lib/api/get-editions';
import { useAuth } from '@/lib/auth';
import { DocumentTitle } from '@/components/ui/document-title';

/** The editions, for the dashboard's picker (the editions feature knows them; this route composes). */
function DashboardWithEditions() {
  const editions = useEditions();
  if (editions.isPending) return <Loading />;
  if (editions.isError) return <ErrorState error={editions.error} onRetry={() => void editions.refetch()} />;
  return <Dashboard editions={editions.data} />;
}

/** /dashboard: organisers only; anyone else logged in is told so. */
export function DashboardRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  const heading = (
    <>
      <DocumentTitle>{`${t('dashboard.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('dashboard.title')}</h1>
    </>
  );
  return (
    <RequireLogin message={t('dashboard.loggedOut')} heading={heading}>
      {heading}
      {auth.hasRole('organiser') ? (
        <DashboardWithEditions />
      ) : (
        <div className="notice" data-testid="dashboard-forbidden">
          <p>
            <strong>{t('dashboard.organisersOnly')}</strong>
          </p>
          <p>{t('dashboard.organisersOnlyText', { username: auth.username ?? '' })}</p>
        </div>
      )}
    </RequireLogin>
  );
}
