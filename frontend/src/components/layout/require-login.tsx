import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Loading } from '@/components/ui/loading';
import { useAuth } from '@/lib/auth';
import { useBrowserOnline } from '@/lib/use-browser-online';
import { LoginButton } from './auth-buttons';

type Props = {
  /** Why to log in. */
  message: string;
  /** Shown above, instead of the children, while they are not shown (a page heading they would give). */
  heading?: ReactNode;
  children: ReactNode;
};

/** Shows its children to a logged-in user; otherwise says why to log in, with the Log in button. */
export function RequireLogin({ message, heading, children }: Props) {
  const { t } = useTranslation();
  const auth = useAuth();
  const online = useBrowserOnline();
  if (auth.status === 'loading') {
    return (
      <>
        {heading}
        <Loading label={t('auth.checking')} />
      </>
    );
  }
  if (!auth.authenticated) {
    return (
      <div className="account-logged-out">
        {heading}
        <p>{message}</p>
        {!online ? (
          <p className="notice">{t('auth.offline')}</p>
        ) : (
          auth.status === 'unavailable' && <p className="notice">{t('auth.unavailable')}</p>
        )}
        <LoginButton />
      </div>
    );
  }
  return <>{children}</>;
}
