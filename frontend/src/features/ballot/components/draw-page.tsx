import { useTranslation } from '@/lib/i18n/react';
import { pickLocalized } from '@/lib/i18n';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useEditions } from '@/lib/api/get-editions';
import { useDrawReport } from '../api/get-draw-report';
import { DrawReportView } from './draw-report';
import { DocumentTitle } from '@/components/ui/document-title';

/** /editions/:id/draw, public: the edition's draw, checkable by anyone. */
export function DrawPage({ editionId }: { editionId: number }) {
  const { t, i18n } = useTranslation();
  const report = useDrawReport(editionId);
  const editions = useEditions();
  const edition = editions.data?.find((e) => e.id === editionId);
  const name = edition ? pickLocalized(edition.names, i18n.language) : t('ballot.draw.unknownEdition');
  return (
    <>
      <DocumentTitle>{`${t('ballot.draw.title', { name })} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('ballot.draw.title', { name })}</h1>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <DrawReportView report={report.data} timeZone={edition?.timeZone} />
      )}
    </>
  );
}
