import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { pickLocalized } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useStaff } from '../api/get-staff';
import { StaffAccountForm } from './staff-account-form';
import { StaffAssignForm } from './staff-assign-form';

type Editing = { kind: 'assign'; username: string } | { kind: 'create' } | null;

/** Door staff: who scans where, their assignments, and new accounts. */
export function StaffPanel() {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const attractions = useAdminAttractions();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (staff.isPending || attractions.isPending) return <Loading />;
  if (staff.isError) return <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />;
  if (attractions.isError) return <ErrorState error={attractions.error} onRetry={() => void attractions.refetch()} />;

  const names = new Map(attractions.data.map((a) => [a.id, pickLocalized(a.name, i18n.language)]));
  const member = editing?.kind === 'assign' ? staff.data.find((m) => m.username === editing.username) : undefined;
  const start = (next: Editing) => {
    setSaved(null);
    setEditing(next);
  };

  return (
    <div className="admin-panel">
      <h2>{t('admin.staff.title')}</h2>
      <p role="status">{saved}</p>
      {staff.data.length === 0 ? (
        <p>{t('admin.staff.empty')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.staff.fields.username')}</th>
              <th scope="col">{t('admin.staff.attractions')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((m) => (
              <tr key={m.username}>
                <th scope="row">{m.username}</th>
                <td>
                  {m.attractionIds.length === 0
                    ? t('admin.staff.none')
                    : m.attractionIds.map((id) => names.get(id) ?? `#${id}`).join(', ')}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => start({ kind: 'assign', username: m.username })}
                  >
                    {t('admin.staff.assign')} <span className="visually-hidden">{m.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {member && (
        <StaffAssignForm
          key={member.username}
          member={member}
          attractions={attractions.data}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setSaved(t('admin.staff.assigned', { username: member.username }));
          }}
        />
      )}
      {editing?.kind === 'create' ? (
        <StaffAccountForm
          attractions={attractions.data}
          onCancel={() => setEditing(null)}
          onDone={(created) => {
            setEditing(null);
            setSaved(t('admin.staff.created', { username: created.username }));
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => start({ kind: 'create' })}>
          {t('admin.staff.create')}
        </button>
      )}
    </div>
  );
}
