import { useTranslation } from '@/lib/i18n/react';
import type { Attraction } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

type Props = {
  attractions: readonly Attraction[];
  onPick: (attraction: Attraction) => void;
};

/** One big button per door this account scans for. */
export function AttractionPicker({ attractions, onPick }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attractions.length === 0) return <p className="notice">{t('scanner.pick.none')}</p>;
  return (
    <section className="attraction-picker" aria-labelledby="attraction-picker-title">
      <h2 id="attraction-picker-title">{t('scanner.pick.title')}</h2>
      <p className="field__hint">{t('scanner.pick.hint')}</p>
      <ul>
        {format.sortByName(attractions, (a) => format.localized(a.name)).map((attraction) => (
          <li key={attraction.id}>
            <button type="button" className="attraction-picker__choice" onClick={() => onPick(attraction)}>
              <span className="attraction-picker__name">{format.localized(attraction.name)}</span>
              <span className="attraction-picker__where">
                {attraction.town} · {format.localized(attraction.territory.name)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
