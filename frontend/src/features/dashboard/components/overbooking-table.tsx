import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { EditionStats } from '@/lib/api/types';
import { nameCollator, useFormat } from '@/lib/i18n';
import { useFigureFormat } from '../utils/format';

type OverbookingFigures = EditionStats['overbooking'][number];

type Props = {
  rows: OverbookingFigures[];
  /** The offer's attraction and day, as the offers table names them. */
  offerLabel: (offerId: number) => { name: string; day: string } | undefined;
  /** The persons booked who did not come, once the offer's day is over (undefined before). */
  actualNoShows?: (offerId: number) => number | undefined;
};

/**
 * Overbooking per offer: the model's inputs (the comparable history's no-show rate and the show rate's
 * dispersion), the persons already certain
 * (holders who confirmed, or are in: the model bounds the risk over the places they leave open), the places handed out beyond capacity and the chance they leave that more persons arrive
 * than the capacity. Offers without history say so (they are never overbooked); offers that are neither
 * overbooked nor have history are left out. Small risks need more digits than the other rates.
 */
export function OverbookingTable({ rows, offerLabel, actualNoShows = () => undefined }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFigureFormat();
  const dates = useFormat();
  const collator = nameCollator(i18n.language);
  const captionId = useId();
  const risk = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 3 });
  const dash = '–';
  const shown = rows
    .filter((r) => r.riskPercent != null || r.historyParties != null || r.allowance > 0)
    .map((r) => ({ ...r, label: offerLabel(r.offerId) }))
    .sort((a, b) => b.allowance - a.allowance || collator.compare(a.label?.name ?? '', b.label?.name ?? ''));
  if (shown.length === 0) return <p className="empty-state">{t('dashboard.overbooking.empty')}</p>;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="overbooking-table">
        <caption id={captionId}>{t('dashboard.overbooking.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.column.name')}</th>
            <th scope="col">{t('dashboard.overbooking.column.mode')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.risk')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.historyParties')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.noShowRate')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.dispersion')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.certainPersons')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.allowance')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.overflowRisk')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.expectedNoShows')}</th>
            <th scope="col" className="num">{t('dashboard.overbooking.column.actualNoShows')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.offerId}>
              <th scope="row">
                {row.label?.name ?? `#${row.offerId}`}
                {row.label && (
                  <span className="data-table__sub"> · {dates.day(row.label.day, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
                )}
              </th>
              <td>{t(`dashboard.overbooking.mode.${row.mode}`)}</td>
              <td className="num">{row.riskPercent == null ? t('dashboard.overbooking.off') : risk.format(row.riskPercent / 100)}</td>
              {row.historyParties == null ? (
                <td colSpan={3}>{t('dashboard.overbooking.noHistory')}</td>
              ) : (
                <>
                  <td className="num">{format.count(row.historyParties)}</td>
                  <td className="num">{format.rate(row.noShowRate ?? undefined)}</td>
                  <td className="num">{row.dispersion == null ? dash : decimal.format(row.dispersion)}</td>
                </>
              )}
              <td className="num">{format.count(row.certainPersons)}</td>
              <td className="num">{format.count(row.allowance)}</td>
              <td className="num">{row.overflowRisk == null ? dash : risk.format(row.overflowRisk)}</td>
              <td className="num">{format.count(row.expectedNoShows ?? undefined)}</td>
              <td className="num">{format.count(actualNoShows(row.offerId))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
