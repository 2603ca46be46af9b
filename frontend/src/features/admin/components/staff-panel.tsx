import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { pickLocalized } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useStaff } from '../api/get-staff';
import { useEditing } from '../hooks/use-editing';
import { AdminTable, RowButton } from './admin-table';
import { StaffAccountForm } from './staff-account-form';
import { StaffAssignForm } from './staff-assign-form';

type Editing = { kind: 'assign'; username: string } | { kind: 'create' };

/** Door staff: who scans where, their assignments, and new accounts. */
export function StaffPanel() {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const attractions = useAdminAttractions();
  const { editing, saved, start, cancel, done } = useEditing<Editing>();

  if (staff.isPending || attractions.isPending) return <Loading />;
  if (staff.isError) return <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />;
  if (attractions.isError) return <ErrorState error={attractions.error} onRetry={() => void attractions.refetch()} />;

  const names = new Map(attractions.data.map((a) => [a.id, pickLocalized(a.name, i18n.language)]));
  const member = editing?.kind === 'assign' ? staff.data.find((m) => m.username === editing.username) : undefined;

  return (
    <div className="admin-panel">
      <h2>{t('admin.staff.title')}</h2>
      <p role="status">{saved}</p>
      {staff.data.length === 0 ? (
        <p>{t('admin.staff.empty')}</p>
      ) : (
        <AdminTable columns={[t('admin.staff.fields.username'), t('admin.staff.attractions')]}>
          {staff.data.map((m) => (
            <tr key={m.username}>
              <th scope="row">{m.username}</th>
              <td>
                {m.attractionIds.length === 0
                  ? t('admin.staff.none')
                  : m.attractionIds.map((id) => names.get(id) ?? `#${id}`).join(', ')}
              </td>
              <td>
                <RowButton label={t('admin.staff.assign')} item={m.username} onClick={() => start({ kind: 'assign', username: m.username })} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {member && (
        <StaffAssignForm
          key={member.username}
          member={member}
          attractions={attractions.data}
          onCancel={cancel}
          onDone={() => done(t('admin.staff.assigned', { username: member.username }))}
        />
      )}
      {editing?.kind === 'create' ? (
        <StaffAccountForm
          attractions={attractions.data}
          onCancel={cancel}
          onDone={(created) => done(t('admin.staff.created', { username: created.username }))}
        />
      ) : (
        <button type="button" className="button" onClick={() => start({ kind: 'create' })}>
          {t('admin.staff.create')}
        </button>
      )}
    </div>
  );
}
