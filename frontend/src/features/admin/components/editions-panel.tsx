import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useEditions } from '@/lib/api/get-editions';
import type { Edition } from '@/lib/api/types';
import { formatDayRange, pickLocalized } from '@/lib/i18n/format';
import { useAdminAttractions } from '../api/get-admin-attractions';
import { useTerritories } from '../api/get-territories';
import { useEditing } from '../hooks/use-editing';
import { AdminTable, RowButton } from './admin-table';
import { EditionForm } from './edition-form';
import { OfferForm } from './offer-form';

type Editing = { edition?: Edition; offer?: false } | { edition: Edition; offer: true };

/** Editions: the list, and the create/edit form. */
export function EditionsPanel() {
  const { t, i18n } = useTranslation();
  const editions = useEditions();
  const territories = useTerritories();
  const attractions = useAdminAttractions();
  const { editing, saved, start, cancel, done } = useEditing<Editing>();

  if (editions.isPending || territories.isPending) return <Loading />;
  if (editions.isError) return <ErrorState error={editions.error} onRetry={() => void editions.refetch()} />;
  if (territories.isError) return <ErrorState error={territories.error} onRetry={() => void territories.refetch()} />;

  return (
    <div className="admin-panel">
      <h2>{t('admin.editions.title')}</h2>
      <p role="status">{saved}</p>
      <AdminTable
        columns={[
          t('admin.editions.nameColumn'),
          t('admin.editions.fields.slug'),
          t('admin.editions.days'),
          t('admin.editions.fields.territories'),
        ]}
      >
        {editions.data.map((edition) => (
          <tr key={edition.id}>
            <th scope="row">{pickLocalized(edition.names, i18n.language)}</th>
            <td>{edition.slug}</td>
            <td>
              <time dateTime={edition.firstDay}>{formatDayRange(edition.firstDay, edition.lastDay, i18n.language)}</time>
            </td>
            <td>{edition.territories.map((x) => pickLocalized(x.name, i18n.language)).join(', ')}</td>
            <td>
              <RowButton label={t('admin.edit')} item={edition.name} onClick={() => start({ edition })} />{' '}
              {attractions.isSuccess && (
                <RowButton label={t('admin.offers.add')} item={edition.name} onClick={() => start({ edition, offer: true })} />
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {editing?.offer && attractions.isSuccess && (
        <OfferForm
          key={`offer-${editing.edition.id}`}
          edition={editing.edition}
          attractions={attractions.data}
          onCancel={cancel}
          onDone={done}
        />
      )}
      {editing && !editing.offer ? (
        <EditionForm
          key={editing.edition?.id ?? 'new'}
          edition={editing.edition}
          territories={territories.data}
          onCancel={cancel}
          onDone={(edition) => done(t('admin.editions.saved', { name: edition.name }))}
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
