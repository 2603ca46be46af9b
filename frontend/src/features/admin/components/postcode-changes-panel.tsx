import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { PostcodeChange } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useDecidePostcodeChange, usePendingPostcodeChanges } from '../api/postcode-changes';
import { AdminTable } from './admin-table';

/** Residents' postcode change requests: approve (Keycloak is changed) or reject with a reason. */
export function PostcodeChangesPanel() {
  const { t } = useTranslation();
  const changes = usePendingPostcodeChanges();
  const decide = useDecidePostcodeChange();
  const [rejecting, setRejecting] = useState<PostcodeChange | null>(null);
  if (changes.isPending) return <Loading />;
  if (changes.isError) return <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />;
  return (
    <div className="admin-panel">
      <h2>{t('admin.postcodes.title')}</h2>
      <p>{t('admin.postcodes.intro')}</p>
      <div>
        <button type="button" className="button button--secondary" onClick={() => void changes.refetch()}>
          {t('admin.postcodes.refresh')}
        </button>
      </div>
      {decide.isError && (
        <p className="field-error" role="alert">
          {t('admin.postcodes.failed', { detail: decide.error.message })}
        </p>
      )}
      {rejecting && (
        <RejectForm
          change={rejecting}
          busy={decide.isPending}
          onCancel={() => setRejecting(null)}
          onReject={(reason) =>
            decide.mutate({ id: rejecting.id, approve: false, reason }, { onSuccess: () => setRejecting(null) })
          }
        />
      )}
      {changes.data.length === 0 ? (
        <p>{t('admin.postcodes.empty')}</p>
      ) : (
        <AdminTable
          testId="postcode-changes-table"
          columns={[t('admin.postcodes.resident'), t('admin.postcodes.from'), t('admin.postcodes.to'), t('admin.postcodes.requestedAt')]}
        >
          {changes.data.map((change) => (
            <Row
              key={change.id}
              change={change}
              busy={decide.isPending}
              onApprove={() => decide.mutate({ id: change.id, approve: true })}
              onReject={() => setRejecting(change)}
            />
          ))}
        </AdminTable>
      )}
    </div>
  );
}

type RowProps = { change: PostcodeChange; busy: boolean; onApprove: () => void; onReject: () => void };

function Row({ change, busy, onApprove, onReject }: RowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = { username: change.username, postcode: change.requestedPostcode };
  return (
    <tr>
      <td>
        {change.name ? `${change.name} (${change.username})` : change.username}
      </td>
      <td>{change.currentPostcode ?? '—'}</td>
      <td>
        <strong>{change.requestedPostcode}</strong>
      </td>
      <td>
        <time dateTime={change.requestedAt}>{format.dateTime(change.requestedAt)}</time>
      </td>
      <td className="admin-table__actions">
        <button type="button" className="button" disabled={busy} aria-label={t('admin.postcodes.approveLabel', who)} onClick={onApprove}>
          {t('admin.postcodes.approve')}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          aria-label={t('admin.postcodes.rejectLabel', who)}
          onClick={onReject}
        >
          {t('admin.postcodes.reject')}
        </button>
      </td>
    </tr>
  );
}

type RejectProps = { change: PostcodeChange; busy: boolean; onCancel: () => void; onReject: (reason: string) => void };

function RejectForm({ change, busy, onCancel, onReject }: RejectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim()) onReject(reason.trim());
  }
  return (
    <form onSubmit={submit} className="card" aria-label={t('admin.postcodes.rejectLabel', { username: change.username, postcode: change.requestedPostcode })}>
      <label htmlFor={`${id}-reason`}>{t('admin.postcodes.reason')}</label>
      <textarea id={`${id}-reason`} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div>
        <button type="submit" className="button" disabled={busy || !reason.trim()}>
          {t('admin.postcodes.confirmReject')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.postcodes.cancel')}
        </button>
      </div>
    </form>
  );
}
