import { useTranslation } from '@/lib/i18n/react';
import { Link, NavLink } from '@/lib/router';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { AuthButtons } from './auth-buttons';
import { LanguageSwitch } from './language-switch';

export function Header() {
  const { t } = useTranslation();
  const { status, authenticated, username, hasRole } = useAuth();
  // While Keycloak answers, the links of who was logged in here last: the header keeps its size.
  const loggedIn = authenticated || (status === 'loading' && Boolean(username));
  // Sections shown by role (useAuth().hasRole).
  const mayScan = hasRole('staff') || hasRole('organiser');
  const links = [
    { to: paths.offers.href(), label: t('nav.offers'), end: true },
    ...(loggedIn ? [{ to: paths.tickets.href(), label: t('nav.tickets'), end: false }] : []),
    ...(mayScan ? [{ to: paths.scan.href(), label: t('nav.scan'), end: false }] : []),
    ...(hasRole('organiser') ? [{ to: paths.dashboard.href(), label: t('dashboard.nav'), end: false }] : []),
    ...(hasRole('organiser') ? [{ to: paths.admin.href(), label: t('admin.nav'), end: false }] : []),
    { to: paths.account.href(), label: t('nav.account'), end: false },
  ];
  return (
    <header className="site-header">
      <div className="site-header__top">
        <Link to={paths.offers.href()} className="brand">
          <span className="brand__logo" aria-hidden="true">
            GJ
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <AuthButtons />
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
