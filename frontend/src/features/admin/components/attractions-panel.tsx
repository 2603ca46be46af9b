import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { FormAlert } from '@/components/ui/form/form-alert';
import { toFormProblem, type FormProblem } from '@/components/ui/form/form-problem';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Attraction } from '@/lib/api/types';
import { pickLocalized, sortByName } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useTerritories } from '../api/get-territories';
import { useUpdateAttraction } from '../api/update-attraction';
import { useEditing } from '../hooks/use-editing';
import { toAttractionInput } from '../utils/attraction-input';
import { AdminTable, RowButton } from './admin-table';
import { AttractionForm } from './attraction-form';

/** Attractions, inactive ones included: list, create, edit, switch on/off. */
export function AttractionsPanel() {
  const { t, i18n } = useTranslation();
  const attractions = useAdminAttractions();
  const territories = useTerritories();
  const toggle = useUpdateAttraction();
  const { editing, saved, start, cancel, done, say } = useEditing<{ attraction?: Attraction }>();
  const [toggleProblem, setToggleProblem] = useState<FormProblem | null>(null);

  if (attractions.isPending || territories.isPending) return <Loading />;
  if (attractions.isError) return <ErrorState error={attractions.error} onRetry={() => void attractions.refetch()} />;
  if (territories.isError) return <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />;

  const open = (next: { attraction?: Attraction }) => {
    setToggleProblem(null);
    start(next);
  };
  const name = (a: Attraction) => pickLocalized(a.name, i18n.language);
  const flip = (a: Attraction) => {
    say(null);
    setToggleProblem(null);
    toggle.mutate(
      { id: a.id, input: { ...toAttractionInput(a), active: !a.active } },
      {
        onSuccess: (x) => say(t(x.active ? 'admin.attractions.activated' : 'admin.attractions.deactivated', { name: name(x) })),
        onError: (failure) => setToggleProblem(toFormProblem(failure)),
      },
    );
  };

  return (
    <div className="admin-panel">
      <h2>{t('admin.attractions.title')}</h2>
      <p role="status">{saved}</p>
      <FormAlert problem={toggleProblem} />
      <AdminTable
        columns={[
          t('admin.attractions.name'),
          t('admin.attractions.fields.slug'),
          t('admin.attractions.fields.territory'),
          t('admin.attractions.fields.category'),
          t('admin.attractions.fields.town'),
          t('admin.attractions.state'),
        ]}
      >
        {sortByName(attractions.data, (a) => pickLocalized(a.name, i18n.language), i18n.language).map((a) => (
          <tr key={a.id} data-slug={a.slug}>
            <th scope="row">{name(a)}</th>
            <td>{a.slug}</td>
            <td>{pickLocalized(a.territory.name, i18n.language)}</td>
            <td>{t(`category.${a.category}`)}</td>
            <td>{a.town}</td>
            <td>{a.active ? t('admin.attractions.active') : t('admin.attractions.inactive')}</td>
            <td className="admin-table__actions">
              <RowButton label={t('admin.edit')} item={name(a)} onClick={() => open({ attraction: a })} />{' '}
              <RowButton
                label={a.active ? t('admin.attractions.deactivate') : t('admin.attractions.activate')}
                item={name(a)}
                busy={toggle.isPending}
                onClick={() => flip(a)}
              />
            </td>
          </tr>
        ))}
      </AdminTable>
      {editing ? (
        <AttractionForm
          key={editing.attraction?.id ?? 'new'}
          attraction={editing.attraction}
          territories={territories.data}
          onCancel={cancel}
          onDone={(a) => done(t('admin.attractions.saved', { name: name(a) }))}
        />
      ) : (
        <button type="button" className="button" onClick={() => open({})}>
          {t('admin.attractions.create')}
        </button>
      )}
    </div>
  );
}
