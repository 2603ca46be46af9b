import { useTranslation } from '@/lib/i18n/react';
import { FilterBar, FilterSelect } from '@/components/ui/form/filter-bar';
import { SelectField } from '@/components/ui/form/select-field';
import type { Edition } from '@/lib/api/types';
import { pickLocalized, useFormat } from '@/lib/i18n';
import type { StatsFilters } from '../api/get-edition-stats';

type Props = {
  editions: Edition[];
  edition: Edition;
  filters: StatsFilters;
  onEditionChange: (slug: string) => void;
  /** Only the filters that changed: the page applies them to its latest filters. */
  onFiltersChange: (changed: StatsFilters) => void;
};

/** Edition, territory (of the attractions) and day; each change applies at once (and goes into the URL). */
export function DashboardFilters({ editions, edition, filters, onEditionChange, onFiltersChange }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const ordered = [...editions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.firstDay.localeCompare(a.firstDay),
  );

  return (
    <FilterBar
      className="dashboard-filters"
      label={t('dashboard.filters.label')}
      resetLabel={t('dashboard.filters.reset')}
      active={Boolean(filters.day || filters.territory)}
      onReset={() => onFiltersChange({ territory: undefined, day: undefined })}
    >
      <SelectField
        label={t('dashboard.filters.edition')}
        value={edition.slug}
        onChange={onEditionChange}
        options={ordered.map((e) => ({
          value: e.slug,
          label: e.current
            ? t('dashboard.filters.currentEdition', { name: pickLocalized(e.names, i18n.language) })
            : pickLocalized(e.names, i18n.language),
        }))}
      />
      <FilterSelect
        label={t('dashboard.filters.territory')}
        allLabel={t('dashboard.filters.allTerritories')}
        value={filters.territory}
        onChange={(territory) => onFiltersChange({ territory })}
        options={edition.territories.map((territory) => ({ value: territory.code, label: format.localized(territory.name) }))}
      />
      <FilterSelect
        label={t('dashboard.filters.day')}
        allLabel={t('dashboard.filters.allDays')}
        value={filters.day}
        onChange={(day) => onFiltersChange({ day })}
        options={edition.days.map((day) => ({
          value: day,
          label: format.day(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
        }))}
      />
    </FilterBar>
  );
}
