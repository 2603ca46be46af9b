import { useTranslation } from '@/lib/i18n/react';
import { RequireLogin } from '@/components/layout/require-login';
import { Admin } from '@/features/admin/components/admin';
import { BallotAdminPanel } from '@/features/ballot/components/ballot-admin-panel';
import { useAuth } from '@/lib/auth';
import { DocumentTitle } from '@/components/ui/document-title';

/** /admin: organisers only; anyone else logged in is told so. */
export function AdminRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  const heading = (
    <>
      <DocumentTitle>{`${t('admin.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('admin.title')}</h1>
    </>
  );
  return (
    <RequireLogin message={t('admin.loggedOut')} heading={heading}>
      {heading}
      {auth.hasRole('organiser') ? (
        <Admin ballotPanel={<BallotAdminPanel />} />
      ) : (
        <div className="notice" data-testid="admin-forbidden">
          <p>
            <strong>{t('admin.organisersOnly')}</strong>
          </p>
          <p>{t('dashboard.organisersOnlyText', { username: auth.username ?? '' })}</p>
        </div>
      )}
    </RequireLogin>
  );
}
