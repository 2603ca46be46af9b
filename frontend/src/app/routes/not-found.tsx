import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { DocumentTitle } from '@/components/ui/document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle>{`${t('notFound.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={paths.offers.href()}>{t('notFound.back')}</Link>
      </p>
    </>
  );
}
