import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { nameCollator } from '@/lib/i18n';
import { useFigureFormat } from '../utils/format';
import { niceScale, type AttractionTotal } from '../utils/rows';

const SERIES = ['offered', 'booked', 'admitted'] as const;
type Series = (typeof SERIES)[number];

// Layout in viewBox units (the SVG scales to the width of its box).
const WIDTH = 760;
const LABEL_WIDTH = 220;
const VALUE_GAP = 60; // room for the value after the longest bar
const BAR = 7;
const GROUP_GAP = 10;
const TOP = 24;
const GROUP = SERIES.length * BAR + GROUP_GAP;

type Props = { totals: AttractionTotal[] };

/**
 * Grouped horizontal bars per attraction: offered, booked, admitted (biggest offer first). The SVG is
 * one image with a summary for screen readers; the legend is HTML; the figures are in a table below it
 * (details) and, per day, in the offers table.
 */
export function AttractionChart({ totals }: Props) {
  const { t, i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  const format = useFigureFormat();
  const titleId = useId();
  const descId = useId();
  if (totals.length === 0) return <p className="empty-state">{t('dashboard.empty')}</p>;

  const rows = [...totals].sort((a, b) => b.offered - a.offered || collator.compare(a.name, b.name));
  const scale = niceScale(Math.max(...rows.map((r) => Math.max(r.offered, r.booked, r.admitted))));
  const plot = WIDTH - LABEL_WIDTH - VALUE_GAP;
  const x = (value: number) => (value / scale.max) * plot;
  const height = TOP + rows.length * GROUP + 4;
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  const sum = (series: Series) => rows.reduce((total, r) => total + r[series], 0);

  return (
    <figure className="chart">
      <ul className="chart__legend" aria-label={t('dashboard.chart.legend')}>
        {SERIES.map((series) => (
          <li key={series}>
            <span className={`chart__swatch chart__swatch--${series}`} aria-hidden="true" />
            {t(`dashboard.series.${series}`)}
          </li>
        ))}
      </ul>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="attraction-chart"
      >
        <title id={titleId}>{t('dashboard.chart.title')}</title>
        <desc id={descId}>
          {t('dashboard.chart.summary', {
            count: rows.length,
            offered: format.count(sum('offered')),
            booked: format.count(sum('booked')),
            admitted: format.count(sum('admitted')),
          })}
        </desc>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(${LABEL_WIDTH + x(tick)},0)`}>
              <line className="chart__grid" y1={TOP - 6} y2={height - 4} />
              <text className="chart__tick" y={TOP - 10} textAnchor="middle">
                {format.count(tick)}
              </text>
            </g>
          ))}
          {rows.map((row, i) => {
            const y = TOP + i * GROUP;
            return (
              <g key={row.attractionId} transform={`translate(0,${y})`}>
                <text className="chart__label" x={LABEL_WIDTH - 8} y={(SERIES.length * BAR) / 2} dominantBaseline="middle" textAnchor="end">
                  {row.name.length > 32 ? `${row.name.slice(0, 31)}…` : row.name}
                </text>
                {SERIES.map((series, s) => (
                  <rect
                    key={series}
                    className={`chart__bar chart__bar--${series}`}
                    x={LABEL_WIDTH}
                    y={s * BAR}
                    width={Math.max(x(row[series]), row[series] > 0 ? 1 : 0)}
                    height={BAR - 1}
                  >
                    <title>{`${row.name} · ${t(`dashboard.series.${series}`)}: ${format.count(row[series])}`}</title>
                  </rect>
                ))}
                <text className="chart__value" x={LABEL_WIDTH + x(row.offered) + 4} y={BAR / 2} dominantBaseline="middle">
                  {format.count(row.offered)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="chart__caption">{t('dashboard.chart.caption')}</figcaption>
      <details className="chart__data">
        <summary>{t('dashboard.chart.showTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboard.chart.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.column.name')}</th>
                {SERIES.map((series) => (
                  <th key={series} scope="col" className="num">
                    {t(`dashboard.series.${series}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.attractionId}>
                  <th scope="row">{row.name}</th>
                  {SERIES.map((series) => (
                    <td key={series} className="num">
                      {format.count(row[series])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
