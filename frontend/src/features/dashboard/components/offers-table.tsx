import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { intlLocale, useFormat } from '@/lib/i18n';
import { useFigureFormat } from '../utils/format';
import { defaultDirection, sortRows, type OfferRow, type Sort, type SortKey } from '../utils/rows';

type Column = { key: SortKey; numeric: boolean };

const COLUMNS: Column[] = [
  { key: 'name', numeric: false },
  { key: 'territory', numeric: false },
  { key: 'day', numeric: false },
  { key: 'offered', numeric: true },
  { key: 'booked', numeric: true },
  { key: 'claimRate', numeric: true },
  { key: 'admitted', numeric: true },
  { key: 'redemptionRate', numeric: true },
  { key: 'noShows', numeric: true },
  { key: 'doorFullScans', numeric: true },
];

type Props = {
  rows: OfferRow[];
  /** Replaces the offered figure by an editor of the offer's capacity (composed by the dashboard). */
  renderCapacity?: (row: OfferRow, label: string) => ReactNode;
  initialSort?: Sort;
};

/**
 * The figures per attraction and day: the dashboard's accessible source of truth. Each column header
 * is a button that sorts by it (again: the other way), and carries `aria-sort` while it sorts the table.
 */
export function OffersTable({ rows, renderCapacity, initialSort = { key: 'name', direction: 'ascending' } }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const figures = useFigureFormat();
  const captionId = useId();
  const [sort, setSort] = useState<Sort>(initialSort);
  const language = i18n.resolvedLanguage;
  const sorted = useMemo(
    () => sortRows(rows, sort, new Intl.Collator(intlLocale(language), { sensitivity: 'base', numeric: true })),
    [rows, sort, language],
  );

  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: defaultDirection(key) },
    );

  const cell = (row: OfferRow, key: SortKey): ReactNode => {
    switch (key) {
      case 'name':
        return row.name;
      case 'territory':
        return row.territoryName;
      case 'day':
        // Short ("Sat 27"): an edition lasts a few days; the full date is in the capacity field's name.
        return <time dateTime={row.day}>{format.day(row.day, { weekday: 'short', day: 'numeric' })}</time>;
      case 'offered':
        return renderCapacity
          ? renderCapacity(row, `${row.name}, ${format.day(row.day, { weekday: 'long', day: 'numeric', month: 'long' })}`)
          : figures.count(row.figures.offered);
      case 'claimRate':
      case 'redemptionRate':
        return figures.rate(row.figures[key]);
      default:
        return figures.count(row.figures[key]);
    }
  };

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--offers">
        <caption id={captionId}>
          {t('dashboard.table.caption')} <span className="data-table__hint">{t('dashboard.table.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, numeric }) => {
              const active = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  className={numeric ? 'num' : undefined}
                  aria-sort={active ? sort.direction : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                    {t(`dashboard.column.${key}`)}
                    <span className="sort-button__icon" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.offerId} data-offer={row.offerId}>
              {COLUMNS.map(({ key, numeric }) =>
                key === 'name' ? (
                  <th key={key} scope="row">
                    {cell(row, key)}
                  </th>
                ) : (
                  <td key={key} className={numeric ? 'num' : undefined} data-column={key}>
                    {cell(row, key)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
