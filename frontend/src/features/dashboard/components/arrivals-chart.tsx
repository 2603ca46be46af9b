import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useFormat } from '@/lib/i18n';
import { formatMinutes, useFigureFormat } from '../utils/format';
import { niceScale, type ArrivalSlot } from '../utils/rows';

const WIDTH = 760;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 28;

type Props = {
  slots: ArrivalSlot[];
  /** The day shown (YYYY-MM-DD). */
  day: string;
};

/**
 * Persons admitted per quarter of an hour on one day: one bar per quarter, a tick per hour. A summary
 * names the total and the busiest quarter; every quarter is in a table under it (details).
 */
export function ArrivalsChart({ slots, day }: Props) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const dates = useFormat();
  const titleId = useId();
  const descId = useId();
  const dayText = dates.day(day, { weekday: 'long', day: 'numeric', month: 'long' });
  if (slots.length === 0) return <p className="empty-state">{t('dashboard.arrivals.none', { day: dayText })}</p>;

  const total = slots.reduce((sum, s) => sum + s.persons, 0);
  const peak = slots.reduce((best, s) => (s.persons > best.persons ? s : best), slots[0]!);
  const scale = niceScale(peak.persons, 4);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slotWidth = plotWidth / slots.length;
  const y = (persons: number) => TOP + plotHeight - (persons / scale.max) * plotHeight;
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  const range = (minutes: number) => `${formatMinutes(minutes)}–${formatMinutes(minutes + 15)}`;

  return (
    <figure className="chart">
      <svg
        className="chart__svg chart__svg--arrivals"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="arrivals-chart"
      >
        <title id={titleId}>{t('dashboard.arrivals.chartTitle', { day: dayText })}</title>
        <desc id={descId}>
          {t('dashboard.arrivals.summary', {
            total: format.count(total),
            time: range(peak.minutes),
            persons: format.count(peak.persons),
          })}
        </desc>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line className="chart__grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text className="chart__tick" x={LEFT - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {format.count(tick)}
              </text>
            </g>
          ))}
          {slots.map((slot, i) => (
            <rect
              key={slot.minutes}
              className="chart__bar chart__bar--admitted"
              x={LEFT + i * slotWidth + 1}
              y={y(slot.persons)}
              width={Math.max(slotWidth - 2, 1)}
              height={TOP + plotHeight - y(slot.persons)}
            >
              <title>{`${range(slot.minutes)}: ${format.count(slot.persons)}`}</title>
            </rect>
          ))}
          <line className="chart__axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} />
          {slots.map((slot, i) =>
            slot.minutes % 60 === 0 ? (
              <g key={slot.minutes} transform={`translate(${LEFT + i * slotWidth},${TOP + plotHeight})`}>
                <line className="chart__axis" y2={5} />
                <text className="chart__tick" y={18} textAnchor="middle">
                  {formatMinutes(slot.minutes)}
                </text>
              </g>
            ) : null,
          )}
          <text className="chart__tick" x={LEFT + plotWidth} y={TOP + plotHeight + 18} textAnchor="middle">
            {formatMinutes(slots.at(-1)!.minutes + 15)}
          </text>
        </g>
      </svg>
      <figcaption className="chart__caption">{t('dashboard.arrivals.caption')}</figcaption>
      <details className="chart__data">
        <summary>{t('dashboard.arrivals.showTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboard.arrivals.chartTitle', { day: dayText })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.arrivals.quarter')}</th>
                <th scope="col" className="num">
                  {t('dashboard.arrivals.persons')}
                </th>
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <tr key={slot.minutes}>
                  <th scope="row">{range(slot.minutes)}</th>
                  <td className="num">{format.count(slot.persons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
