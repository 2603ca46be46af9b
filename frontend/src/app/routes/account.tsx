import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { AccountDetails } from '@/features/account/components/account-details';
import { useCurrentEdition } from '@/features/editions/api/get-editions';

export function AccountRoute() {
  const { t } = useTranslation();
  const edition = useCurrentEdition();
  return (
    <>
      <title>{`${t('account.title')} · ${t('app.name')}`}</title>
      <h1>{t('account.title')}</h1>
      {edition.isPending ? (
        <Loading />
      ) : (
        <>
          {edition.isError && <ErrorState error={edition.error} onRetry={() => void edition.refetch()} />}
          <AccountDetails edition={edition.data ?? null} />
        </>
      )}
    </>
  );
}
