import { useTranslation } from '@/lib/i18n/react';
import { RequireLogin } from '@/components/layout/require-login';
import { DoorScanner } from '@/features/scanner/components/door-scanner';
import { useAuth } from '@/lib/auth';
import { DocumentTitle } from '@/components/ui/document-title';

/** The door scanner, for staff and organisers. Loaded on its own (with its QR reader) when opened. */
export function ScanRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  const mayScan = auth.hasRole('staff') || auth.hasRole('organiser');
  return (
    <>
      <DocumentTitle>{`${t('scanner.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1 className="visually-hidden">{t('scanner.title')}</h1>
      <RequireLogin message={t('scanner.loggedOut')}>
        {mayScan && auth.username ? (
          <DoorScanner username={auth.username} />
        ) : (
          <p className="notice">{t('scanner.notStaff')}</p>
        )}
      </RequireLogin>
    </>
  );
}
