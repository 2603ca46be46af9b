import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { intlLocale, useFormat } from '@/lib/i18n';
import { useAuditLog } from '../api/get-audit-log';
import { auditSentence } from '../audit-sentence';
import { AdminTable } from './admin-table';

/** The latest changes made by organisers: when, who, and what as a sentence (the record as kept, folded). */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const { day } = useFormat();
  const audit = useAuditLog();
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <div className="admin-panel">
      <h2>{t('admin.audit.title')}</h2>
      <div>
        <button type="button" className="button button--secondary" onClick={() => void audit.refetch()}>
          {t('admin.audit.refresh')}
        </button>
      </div>
      {audit.data.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <AdminTable
          testId="audit-table"
          actions={false}
          columns={[t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.what')]}
        >
              {audit.data.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <td>
                    <p className="admin-audit__sentence">
                      {auditSentence(entry, t, (d) => day(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })) ?? (
                        <code>{entry.action}</code>
                      )}
                    </p>
                    <details className="admin-audit__record">
                      <summary>{t('admin.audit.recorded')}</summary>
                      <code className="admin-audit__details" lang="en">
                        {entry.action} · {entry.entity} {entry.entityId} · {entry.details}
                      </code>
                    </details>
                  </td>
                </tr>
              ))}
        </AdminTable>
      )}
    </div>
  );
}
