import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { WaitlistFigures } from '@/lib/api/types';
import { nameCollator, useFormat } from '@/lib/i18n';
import { useFigureFormat } from '../utils/format';

type Props = {
  rows: WaitlistFigures[];
  /** The offer's attraction and day, as the offers table names them. */
  offerLabel: (offerId: number) => { name: string; day: string } | undefined;
};

/**
 * Where released places went: per offer, who still waits, the persons released by their holders and
 * those given a place from the list, and how many holders said they come. Offers with nothing of the
 * sort are left out; the longest lists first.
 */
export function WaitlistsTable({ rows, offerLabel }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFigureFormat();
  const dates = useFormat();
  const collator = nameCollator(i18n.language);
  const captionId = useId();
  const shown = rows
    .filter((r) => r.waitingParties > 0 || r.releasedPersons > 0 || r.refilledPersons > 0 || r.confirmedTickets > 0 || r.walkUpPersons > 0)
    .map((r) => ({ ...r, label: offerLabel(r.offerId) }))
    .sort(
      (a, b) =>
        b.waitingPersons - a.waitingPersons ||
        b.refilledPersons - a.refilledPersons ||
        collator.compare(a.label?.name ?? '', b.label?.name ?? ''),
    );
  if (shown.length === 0) return <p className="empty-state">{t('dashboard.waitlists.empty')}</p>;
  const total = (key: keyof WaitlistFigures) => shown.reduce((sum, r) => sum + (r[key] as number), 0);
  const refillTimes = shown.flatMap((r) => (r.refillMsMax == null ? [] : [r.refillMsMax]));
  const longestRefill = refillTimes.length > 0 ? Math.max(...refillTimes) : undefined;
  const columns = [
    'waitingParties',
    'waitingPersons',
    'releasedPersons',
    'refilledPersons',
    'confirmedTickets',
    'unconfirmedTickets',
    'walkUpPersons',
  ] as const;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="waitlists-table">
        <caption id={captionId}>{t('dashboard.waitlists.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.column.name')}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="num">
                {t(`dashboard.waitlists.column.${column}`)}
              </th>
            ))}
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
              {columns.map((column) => (
                <td key={column} className="num">
                  {format.count(row[column])}
                </td>
              ))}
              <td className="num">
                {row.refillMsMedian == null
                  ? format.milliseconds(undefined)
                  : t('dashboard.waitlists.refillTime', { median: format.milliseconds(row.refillMsMedian), max: format.milliseconds(row.refillMsMax) })}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.waitlists.total')}</th>
            {columns.map((column) => (
              <td key={column} className="num">
                {format.count(total(column))}
              </td>
            ))}
            <td className="num">{format.milliseconds(longestRefill)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
