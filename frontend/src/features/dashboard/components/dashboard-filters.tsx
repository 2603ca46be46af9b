import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import type { StatsFilters } from '../api/get-edition-stats';

type Props = {
  editions: Edition[];
  edition: Edition;
  filters: StatsFilters;
  onEditionChange: (slug: string) => void;
  onFiltersChange: (filters: StatsFilters) => void;
};

/** Edition, territory (of the attractions) and day; each change applies at once (and goes into the URL). */
export function DashboardFilters({ editions, edition, filters, onEditionChange, onFiltersChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const set = (patch: StatsFilters) => onFiltersChange({ ...filters, ...patch });
  const active = Boolean(filters.day || filters.territory);
  const ordered = [...editions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.firstDay.localeCompare(a.firstDay),
  );

  return (
    <form
      className="filters dashboard-filters"
      role="search"
      aria-label={t('dashboard.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-edition`}>{t('dashboard.filters.edition')}</label>
        <select id={`${id}-edition`} value={edition.slug} onChange={(e) => onEditionChange(e.target.value)}>
          {ordered.map((e) => (
            <option key={e.id} value={e.slug}>
              {e.current ? t('dashboard.filters.currentEdition', { name: e.name }) : e.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-territory`}>{t('dashboard.filters.territory')}</label>
        <select
          id={`${id}-territory`}
          value={filters.territory ?? ''}
          onChange={(e) => set({ territory: e.target.value || undefined })}
        >
          <option value="">{t('dashboard.filters.allTerritories')}</option>
          {edition.territories.map((territory) => (
            <option key={territory.code} value={territory.code}>
              {format.localized(territory.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('dashboard.filters.day')}</label>
        <select id={`${id}-day`} value={filters.day ?? ''} onChange={(e) => set({ day: e.target.value || undefined })}>
          <option value="">{t('dashboard.filters.allDays')}</option>
          {edition.days.map((day) => (
            <option key={day} value={day}>
              {format.day(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button type="button" className="button button--secondary filters__reset" onClick={() => onFiltersChange({})}>
          {t('dashboard.filters.reset')}
        </button>
      )}
    </form>
  );
}
