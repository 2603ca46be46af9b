import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { nameCollator } from '@/lib/i18n';
import type { CrossBorder } from '@/lib/api/types';
import { useFigureFormat } from '../utils/format';

type Props = {
  rows: CrossBorder[];
  territoryName: (code: string) => string;
};

/** Persons booked and admitted by residents of one territory at the attractions of another (or their own). */
export function CrossBorderTable({ rows, territoryName }: Props) {
  const { t, i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  const format = useFigureFormat();
  const captionId = useId();
  if (rows.length === 0) return <p className="empty-state">{t('dashboard.crossBorder.empty')}</p>;
  const sorted = [...rows].sort(
    (a, b) =>
      collator.compare(territoryName(a.residentTerritory), territoryName(b.residentTerritory)) ||
      collator.compare(territoryName(a.attractionTerritory), territoryName(b.attractionTerritory)),
  );
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="cross-border-table">
        <caption id={captionId}>{t('dashboard.crossBorder.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.crossBorder.residents')}</th>
            <th scope="col">{t('dashboard.crossBorder.attractions')}</th>
            <th scope="col" className="num">
              {t('dashboard.column.booked')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.column.admitted')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.column.redemptionRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const cross = row.residentTerritory !== row.attractionTerritory;
            return (
              <tr key={`${row.residentTerritory}>${row.attractionTerritory}`} className={cross ? 'data-table__row--cross' : undefined}>
                <th scope="row">{territoryName(row.residentTerritory)}</th>
                <td>
                  {territoryName(row.attractionTerritory)}
                  {cross && (
                    <>
                      {' '}
                      <span className="tag">{t('dashboard.crossBorder.cross')}</span>
                    </>
                  )}
                </td>
                <td className="num">{format.count(row.booked)}</td>
                <td className="num">{format.count(row.admitted)}</td>
                <td className="num">{format.rate(row.booked > 0 ? row.admitted / row.booked : undefined)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
