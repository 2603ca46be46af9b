import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Attraction } from '@/lib/api/types';
import { pickLocalized, sortByName } from '@/lib/i18n/format';

type Props = {
  legend: string;
  attractions: Attraction[];
  selected: number[];
  onChange: (ids: number[]) => void;
  error?: string;
};

/** A multi-select of attractions as a group of checkboxes (keyboard friendly, each one labelled). */
export function AttractionCheckboxes({ legend, attractions, selected, onChange, error }: Props) {
  const { i18n } = useTranslation();
  const id = useId();
  const toggle = (attractionId: number, on: boolean) =>
    onChange(on ? [...selected, attractionId] : selected.filter((x) => x !== attractionId));
  return (
    <fieldset
      className="admin-checkboxes admin-field"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {sortByName(attractions, (a) => pickLocalized(a.name, i18n.language), i18n.language).map((attraction) => (
        <label key={attraction.id}>
          <input
            type="checkbox"
            checked={selected.includes(attraction.id)}
            onChange={(e) => toggle(attraction.id, e.target.checked)}
          />{' '}
          {pickLocalized(attraction.name, i18n.language)}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field__error" lang="en">
          {error}
        </p>
      )}
    </fieldset>
  );
}
