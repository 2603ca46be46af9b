import { useTranslation } from '@/lib/i18n/react';
import { FilterBar, FilterSelect } from '@/components/ui/form/filter-bar';
import type { Territory } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import type { OfferFilters as Filters } from '../api/get-offers';
import { CATEGORIES, isCategory } from '../categories';

type Props = {
  days: string[];
  territories: Territory[];
  value: Filters;
  /** Only the filters that changed: the page applies them to its latest filters. */
  onChange: (changed: Filters) => void;
};

/** Day, territory and category selects; each change applies at once. */
export function OfferFilters({ days, territories, value, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FilterBar
      label={t('offers.filters.legend')}
      resetLabel={t('offers.filters.reset')}
      active={Boolean(value.day || value.territory || value.category)}
      onReset={() => onChange({ day: undefined, territory: undefined, category: undefined })}
    >
      <FilterSelect
        label={t('offers.filters.day')}
        allLabel={t('offers.filters.allDays')}
        value={value.day}
        onChange={(day) => onChange({ day })}
        options={days.map((day) => ({ value: day, label: format.day(day, { weekday: 'long', day: 'numeric', month: 'long' }) }))}
      />
      <FilterSelect
        label={t('offers.filters.territory')}
        allLabel={t('offers.filters.allTerritories')}
        value={value.territory}
        onChange={(territory) => onChange({ territory })}
        options={territories.map((territory) => ({ value: territory.code, label: format.localized(territory.name) }))}
      />
      <FilterSelect
        label={t('offers.filters.category')}
        allLabel={t('offers.filters.allCategories')}
        value={value.category}
        onChange={(category) => onChange({ category: isCategory(category) ? category : undefined })}
        options={CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
      />
    </FilterBar>
  );
}
