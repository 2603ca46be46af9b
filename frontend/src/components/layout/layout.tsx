import { Suspense, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Loading } from '@/components/ui/loading';
import { Header } from './header';
import { OfflineBanner } from './offline-banner';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <OfflineBanner />
      <main id="main" tabIndex={-1} className="main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
