import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Territory } from '@/lib/api/types';
import { useTerritories } from '../api/get-territories';
import { useEditing } from '../hooks/use-editing';
import { AdminTable, RowButton } from './admin-table';
import { PostcodeTest } from './postcode-test';
import { TerritoryForm } from './territory-form';

/** Territories: the list, the create/edit form, and the postcode test box. */
export function TerritoriesPanel() {
  const { t } = useTranslation();
  const territories = useTerritories();
  const { editing, saved, start, cancel, done } = useEditing<{ territory?: Territory }>();
  const columns = (['code', 'nameFr', 'nameEn', 'country', 'timeZone', 'postcodePattern'] as const).map((c) =>
    t(`admin.territories.${c}`),
  );

  return (
    <div className="admin-panel">
      <PostcodeTest />
      <h2>{t('admin.territories.title')}</h2>
      <p role="status">{saved}</p>
      {territories.isPending ? (
        <Loading />
      ) : territories.isError ? (
        <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />
      ) : (
        <AdminTable columns={columns}>
          {territories.data.map((territory) => (
            <tr key={territory.code}>
              <th scope="row">{territory.code}</th>
              <td lang="fr">{territory.name.fr}</td>
              <td lang="en">{territory.name.en}</td>
              <td>{territory.country}</td>
              <td>{territory.timeZone}</td>
              <td>
                <code>{territory.postcodePattern}</code>
              </td>
              <td>
                <RowButton label={t('admin.edit')} item={territory.code} onClick={() => start({ territory })} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {editing ? (
        <TerritoryForm
          key={editing.territory?.code ?? 'new'}
          territory={editing.territory}
          onCancel={cancel}
          onDone={(territory) => done(t('admin.territories.saved', { code: territory.code }))}
        />
      ) : (
        <button type="button" className="button" onClick={() => start({})}>
          {t('admin.territories.create')}
        </button>
      )}
    </div>
  );
}
