import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Territory } from '@/lib/api/types';
import { useTerritories } from '../api/get-territories';
import { PostcodeTest } from './postcode-test';
import { TerritoryForm } from './territory-form';

type Editing = { territory?: Territory } | null;

/** Territories: the list, the create/edit form, and the postcode test box. */
export function TerritoriesPanel() {
  const { t } = useTranslation();
  const territories = useTerritories();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <div className="admin-panel">
      <PostcodeTest />
      <h2>{t('admin.territories.title')}</h2>
      <p role="status">{saved && t('admin.territories.saved', { code: saved })}</p>
      {territories.isPending ? (
        <Loading />
      ) : territories.isError ? (
        <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.territories.code')}</th>
                <th scope="col">{t('admin.territories.nameFr')}</th>
                <th scope="col">{t('admin.territories.nameEn')}</th>
                <th scope="col">{t('admin.territories.country')}</th>
                <th scope="col">{t('admin.territories.timeZone')}</th>
                <th scope="col">{t('admin.territories.postcodePattern')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => {
                        setSaved(null);
                        setEditing({ territory });
                      }}
                    >
                      {t('admin.edit')} <span className="visually-hidden">{territory.code}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <TerritoryForm
          key={editing.territory?.code ?? 'new'}
          territory={editing.territory}
          onCancel={() => setEditing(null)}
          onDone={(territory) => {
            setEditing(null);
            setSaved(territory.code);
          }}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(null);
            setEditing({});
          }}
        >
          {t('admin.territories.create')}
        </button>
      )}
    </div>
  );
}
