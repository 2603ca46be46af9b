import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import type { OfferFilters as Filters } from '../api/get-offers';
import { CATEGORIES, isCategory } from '../categories';

type Props = {
  days: string[];
  territories: Territory[];
  value: Filters;
  onChange: (filters: Filters) => void;
};

/** Day, territory and category selects; each change applies at once. */
export function OfferFilters({ days, territories, value, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const active = Boolean(value.day || value.territory || value.category);

  return (
    <form className="filters" role="search" aria-label={t('offers.filters.legend')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('offers.filters.day')}</label>
        <select id={`${id}-day`} value={value.day ?? ''} onChange={(e) => set({ day: e.target.value || undefined })}>
          <option value="">{t('offers.filters.allDays')}</option>
          {days.map((day) => (
            <option key={day} value={day}>
              {format.day(day, { weekday: 'long', day: 'numeric', month: 'long' })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-territory`}>{t('offers.filters.territory')}</label>
        <select
          id={`${id}-territory`}
          value={value.territory ?? ''}
          onChange={(e) => set({ territory: e.target.value || undefined })}
        >
          <option value="">{t('offers.filters.allTerritories')}</option>
          {territories.map((territory) => (
            <option key={territory.code} value={territory.code}>
              {format.localized(territory.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('offers.filters.category')}</label>
        <select
          id={`${id}-category`}
          value={value.category ?? ''}
          onChange={(e) => set({ category: isCategory(e.target.value) ? e.target.value : undefined })}
        >
          <option value="">{t('offers.filters.allCategories')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button type="button" className="button button--secondary filters__reset" onClick={() => onChange({})}>
          {t('offers.filters.reset')}
        </button>
      )}
    </form>
  );
}
