import { useTranslation } from '@/lib/i18n/react';
import { useAuth } from '@/lib/auth';
import { useBrowserOnline } from '@/lib/use-browser-online';

/**
 * Without network, says so and what still works (tickets already opened on this device, the door
 * scanner from its stored list), instead of leaving pages to fail one by one.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useBrowserOnline();
  const { status, authenticated, hasRole } = useAuth();
  if (online && status !== 'offline') return null;
  const mayScan = hasRole('staff') || hasRole('organiser');
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <p>
        <strong>{t('offline.title')}</strong>{' '}
        {authenticated
          ? mayScan
            ? t('offline.worksStaff')
            : t('offline.worksResident')
          : t('offline.worksLoggedOut')}
      </p>
    </div>
  );
}
