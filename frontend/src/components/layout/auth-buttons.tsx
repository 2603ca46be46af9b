import { useTranslation } from '@/lib/i18n/react';
import { useAuth } from '@/lib/auth';
import { useBrowserOnline } from '@/lib/use-browser-online';

export function LoginButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  const { status, login } = useAuth();
  // Keycloak's page cannot open without network (the offline banner says so).
  const online = useBrowserOnline();
  return (
    <button type="button" className={className} onClick={login} disabled={status === 'loading' || !online}>
      {t('auth.login')}
    </button>
  );
}

/** The header's session corner: who is logged in and Log out, or Log in. */
export function AuthButtons() {
  const { t } = useTranslation();
  const { status, authenticated, username, logout } = useAuth();
  // While Keycloak answers, who was logged in here last (Log out not usable yet): no jump when it answers.
  const expected = status === 'loading' && Boolean(username);
  if (!authenticated && !expected) return <LoginButton className="button button--small" />;
  return (
    <div className="auth-buttons">
      <span className="auth-buttons__user" title={t('auth.loggedInAs', { username })}>
        {username}
      </span>
      <button type="button" className="button button--small button--secondary" onClick={logout} disabled={expected}>
        {t('auth.logout')}
      </button>
    </div>
  );
}
