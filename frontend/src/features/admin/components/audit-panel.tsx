import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { intlLocale } from '@/lib/i18n';
import { useAuditLog } from '../api/get-audit-log';
import { AdminTable } from './admin-table';

/** The latest changes made by organisers (who, what, when, with the details as sent). */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
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
          columns={[t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.entity'), t('admin.audit.details')]}
        >
              {audit.data.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entity} {entry.entityId}
                  </td>
                  <td>
                    <code className="admin-audit__details" lang="en">
                      {entry.details}
                    </code>
                  </td>
                </tr>
              ))}
        </AdminTable>
      )}
    </div>
  );
}
