import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Edition } from '@/lib/api/types';
import { pickLocalized } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useEditions } from '../api/get-editions';
import { useTerritories } from '../api/get-territories';
import { EditionForm } from './edition-form';
import { OfferForm } from './offer-form';

type Editing = { edition?: Edition; offer?: false } | { edition: Edition; offer: true } | null;

/** Editions: the list, and the create/edit form. */
export function EditionsPanel() {
  const { t, i18n } = useTranslation();
  const editions = useEditions();
  const territories = useTerritories();
  const attractions = useAdminAttractions();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (editions.isPending || territories.isPending) return <Loading />;
  if (editions.isError) return <ErrorState error={editions.error} onRetry={() => void editions.refetch()} />;
  if (territories.isError) return <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />;
  const start = (next: Editing) => {
    setSaved(null);
    setEditing(next);
  };

  return (
    <div className="admin-panel">
      <h2>{t('admin.editions.title')}</h2>
      <p role="status">{saved}</p>
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.editions.fields.name')}</th>
              <th scope="col">{t('admin.editions.fields.slug')}</th>
              <th scope="col">{t('admin.editions.days')}</th>
              <th scope="col">{t('admin.editions.fields.territories')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {editions.data.map((edition) => (
              <tr key={edition.id}>
                <th scope="row">{edition.name}</th>
                <td>{edition.slug}</td>
                <td>
                  {edition.firstDay} – {edition.lastDay}
                </td>
                <td>{edition.territories.map((x) => pickLocalized(x.name, i18n.language)).join(', ')}</td>
                <td>
                  <button type="button" className="button button--small button--secondary" onClick={() => start({ edition })}>
                    {t('admin.edit')} <span className="visually-hidden">{edition.name}</span>
                  </button>{' '}
                  {attractions.isSuccess && (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => start({ edition, offer: true })}
                    >
                      {t('admin.offers.add')} <span className="visually-hidden">{edition.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing?.offer && attractions.isSuccess && (
        <OfferForm
          key={`offer-${editing.edition.id}`}
          edition={editing.edition}
          attractions={attractions.data}
          onCancel={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
      {editing && !editing.offer ? (
        <EditionForm
          key={editing.edition?.id ?? 'new'}
          edition={editing.edition}
          territories={territories.data}
          onCancel={() => setEditing(null)}
          onDone={(edition) => {
            setEditing(null);
            setSaved(t('admin.editions.saved', { name: edition.name }));
          }}
        />
      ) : (
        !editing && (
          <button type="button" className="button" onClick={() => start({})}>
            {t('admin.editions.create')}
          </button>
        )
      )}
    </div>
  );
}
