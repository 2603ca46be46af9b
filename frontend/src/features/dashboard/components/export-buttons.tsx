import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { useDownloadEditionExport, type ExportKind } from '../api/download-export';

const KINDS: ExportKind[] = ['stats', 'admissions'];

/** The edition's CSV exports: the figures per attraction and day, and every admission. */
export function ExportButtons({ editionId }: { editionId: number }) {
  const { t } = useTranslation();
  const download = useDownloadEditionExport();
  const busy = (kind: ExportKind) => download.isPending && download.variables?.kind === kind;
  return (
    <div className="exports">
      <div className="exports__buttons">
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--secondary button--small"
            aria-disabled={download.isPending}
            onClick={() => {
              if (!download.isPending) download.mutate({ editionId, kind });
            }}
          >
            {busy(kind) ? t('dashboard.exports.downloading') : t(`dashboard.exports.${kind}`)}
          </button>
        ))}
      </div>
      <p className="exports__note">{t('dashboard.exports.note')}</p>
      {download.isError && <ErrorState error={download.error} />}
    </div>
  );
}
