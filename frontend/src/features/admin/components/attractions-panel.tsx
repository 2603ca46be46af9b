import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Attraction } from '@/lib/api/types';
import { pickLocalized } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useTerritories } from '../api/get-territories';
import { useUpdateAttraction } from '../api/update-attraction';
import { toAttractionInput } from '../utils/attraction-input';
import { toFormProblem, type FormProblem } from '../utils/form-problem';
import { AttractionForm } from './attraction-form';
import { FormAlert } from './form-alert';

type Editing = { attraction?: Attraction } | null;

/** Attractions, inactive ones included: list, create, edit, switch on/off. */
export function AttractionsPanel() {
  const { t, i18n } = useTranslation();
  const attractions = useAdminAttractions();
  const territories = useTerritories();
  const toggle = useUpdateAttraction();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [toggleProblem, setToggleProblem] = useState<FormProblem | null>(null);

  if (attractions.isPending || territories.isPending) return <Loading />;
  if (attractions.isError) return <ErrorState error={attractions.error} onRetry={() => void attractions.refetch()} />;
  if (territories.isError) return <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />;

  const start = (next: Editing) => {
    setSaved(null);
    setToggleProblem(null);
    setEditing(next);
  };
  const name = (a: Attraction) => pickLocalized(a.name, i18n.language);
  const flip = (a: Attraction) => {
    setSaved(null);
    setToggleProblem(null);
    toggle.mutate(
      { id: a.id, input: { ...toAttractionInput(a), active: !a.active } },
      {
        onSuccess: (x) => setSaved(t(x.active ? 'admin.attractions.activated' : 'admin.attractions.deactivated', { name: name(x) })),
        onError: (failure) => setToggleProblem(toFormProblem(failure)),
      },
    );
  };

  return (
    <div className="admin-panel">
      <h2>{t('admin.attractions.title')}</h2>
      <p role="status">{saved}</p>
      <FormAlert problem={toggleProblem} />
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.attractions.fields.nameEn')}</th>
              <th scope="col">{t('admin.attractions.fields.slug')}</th>
              <th scope="col">{t('admin.attractions.fields.territory')}</th>
              <th scope="col">{t('admin.attractions.fields.category')}</th>
              <th scope="col">{t('admin.attractions.fields.town')}</th>
              <th scope="col">{t('admin.attractions.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attractions.data.map((a) => (
              <tr key={a.id} data-slug={a.slug}>
                <th scope="row">{name(a)}</th>
                <td>{a.slug}</td>
                <td>{pickLocalized(a.territory.name, i18n.language)}</td>
                <td>{t(`category.${a.category}`)}</td>
                <td>{a.town}</td>
                <td>{a.active ? t('admin.attractions.active') : t('admin.attractions.inactive')}</td>
                <td className="admin-table__actions">
                  <button type="button" className="button button--small button--secondary" onClick={() => start({ attraction: a })}>
                    {t('admin.edit')} <span className="visually-hidden">{name(a)}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-disabled={toggle.isPending || undefined}
                    onClick={() => !toggle.isPending && flip(a)}
                  >
                    {a.active ? t('admin.attractions.deactivate') : t('admin.attractions.activate')}{' '}
                    <span className="visually-hidden">{name(a)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <AttractionForm
          key={editing.attraction?.id ?? 'new'}
          attraction={editing.attraction}
          territories={territories.data}
          onCancel={() => setEditing(null)}
          onDone={(a) => {
            setEditing(null);
            setSaved(t('admin.attractions.saved', { name: name(a) }));
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => start({})}>
          {t('admin.attractions.create')}
        </button>
      )}
    </div>
  );
}
