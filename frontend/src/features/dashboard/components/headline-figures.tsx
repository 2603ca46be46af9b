import { useTranslation } from '@/lib/i18n/react';
import type { Figures } from '@/lib/api/types';
import { useFigureFormat } from '../utils/format';

type Props = { figures: Figures };

/**
 * The six headline figures. The list is a polite live region: when the stream brings new figures,
 * screen readers read the ones that changed, each with its label (aria-atomic per figure).
 */
export function HeadlineFigures({ figures }: Props) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const items = [
    { key: 'offered', label: t('dashboard.headline.offered'), value: format.count(figures.offered) },
    {
      key: 'booked',
      label: t('dashboard.headline.booked'),
      value: format.count(figures.booked),
      note: t('dashboard.headline.claimRate', { rate: format.rate(figures.claimRate) }),
    },
    {
      key: 'admitted',
      label: t('dashboard.headline.admitted'),
      value: format.count(figures.admitted),
      // the headline of issue 14: entries used ÷ entries offered
      note: t('dashboard.headline.usedRate', { rate: format.rate(figures.offered ? figures.admitted / figures.offered : 0) }),
    },
    {
      key: 'redemption-rate',
      label: t('dashboard.headline.redemptionRate'),
      value: format.rate(figures.redemptionRate),
      note: t('dashboard.headline.redemptionHint'),
    },
    {
      key: 'no-shows',
      label: t('dashboard.headline.noShows'),
      value: format.count(figures.noShows),
      note: t('dashboard.headline.noShowsHint'),
    },
    {
      key: 'door-full',
      label: t('dashboard.headline.doorFullScans'),
      value: format.count(figures.doorFullScans),
      note: t('dashboard.headline.doorFullHint'),
    },
  ];
  return (
    <dl className="headline" aria-live="polite" data-testid="headline">
      {items.map((item) => (
        <div key={item.key} className="headline__item" aria-atomic="true">
          <dt className="headline__label">{item.label}</dt>
          <dd className="headline__value" data-testid={`figure-${item.key}`}>
            {item.value}
          </dd>
          {item.note && <dd className="headline__note">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
