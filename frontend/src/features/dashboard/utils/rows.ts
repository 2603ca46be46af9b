import type { Arrivals, AttractionFigures, Figures } from '@/lib/api/types';
import { minutesOfDay } from './format';

/** The sortable columns of the per-offer table. */
export const SORT_KEYS = [
  'name',
  'territory',
  'day',
  'offered',
  'booked',
  'claimRate',
  'admitted',
  'redemptionRate',
  'noShows',
  'doorFullScans',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

/** One row of the per-offer table: an attraction on one day, with its names already localized. */
export type OfferRow = {
  offerId: number;
  attractionId: number;
  name: string;
  territory: string;
  territoryName: string;
  day: string;
  figures: Figures;
};

const TEXT_KEYS = new Set<SortKey>(['name', 'territory', 'day']);

/** Text columns sort ascending first, figures descending first (the biggest is what one looks for). */
export function defaultDirection(key: SortKey): SortDirection {
  return TEXT_KEYS.has(key) ? 'ascending' : 'descending';
}

function value(row: OfferRow, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return row.name;
    case 'territory':
      return row.territoryName;
    case 'day':
      return row.day;
    default:
      return row.figures[key];
  }
}

/** Rows sorted by one column (a stable sort; ties by name then day), text compared in the UI language. */
export function sortRows(rows: readonly OfferRow[], { key, direction }: Sort, collator: Intl.Collator): OfferRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: OfferRow, b: OfferRow) => {
    const x = value(a, key);
    const y = value(b, key);
    const primary = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (primary !== 0) return sign * primary;
    return collator.compare(a.name, b.name) || a.day.localeCompare(b.day);
  };
  return [...rows].sort(compare);
}

export function toOfferRows(
  figures: readonly AttractionFigures[],
  localize: (a: AttractionFigures) => string,
  territoryName: (code: string) => string,
): OfferRow[] {
  return figures.map((a) => ({
    offerId: a.offerId,
    attractionId: a.attractionId,
    name: localize(a),
    territory: a.territory,
    territoryName: territoryName(a.territory),
    day: a.day,
    figures: a.figures,
  }));
}

/** Offered, booked and admitted of one attraction over the days shown (the bar chart's groups). */
export type AttractionTotal = { attractionId: number; name: string; offered: number; booked: number; admitted: number };

export function totalsByAttraction(rows: readonly OfferRow[]): AttractionTotal[] {
  const totals = new Map<number, AttractionTotal>();
  for (const row of rows) {
    const total = totals.get(row.attractionId) ?? {
      attractionId: row.attractionId,
      name: row.name,
      offered: 0,
      booked: 0,
      admitted: 0,
    };
    total.offered += row.figures.offered;
    total.booked += row.figures.booked;
    total.admitted += row.figures.admitted;
    totals.set(row.attractionId, total);
  }
  return [...totals.values()];
}

/** Persons admitted in one quarter of an hour (minutes since midnight, edition time). */
export type ArrivalSlot = { minutes: number; persons: number };

/** The usual opening hours (minutes since midnight): the arrivals axis spans them at least. */
export const OPENING_HOURS = { from: 9 * 60, to: 18 * 60 };

/**
 * The arrivals of one day, all attractions shown together, per quarter of an hour (quarters without
 * arrivals count 0), over the usual opening hours widened to whole hours around every arrival.
 */
export function arrivalSlots(arrivals: readonly Arrivals[], day: string, timeZone: string): ArrivalSlot[] {
  const persons = new Map<number, number>();
  for (const a of arrivals) {
    if (a.day !== day) continue;
    const quarter = Math.floor(minutesOfDay(a.slotStart, timeZone) / 15) * 15;
    persons.set(quarter, (persons.get(quarter) ?? 0) + a.persons);
  }
  if (persons.size === 0) return [];
  const quarters = [...persons.keys()];
  const from = Math.min(OPENING_HOURS.from, Math.floor(Math.min(...quarters) / 60) * 60);
  const to = Math.max(OPENING_HOURS.to, Math.min(24 * 60, Math.floor(Math.max(...quarters) / 60) * 60 + 60));
  const slots: ArrivalSlot[] = [];
  for (let minutes = from; minutes < to; minutes += 15) slots.push({ minutes, persons: persons.get(minutes) ?? 0 });
  return slots;
}

/** A round axis maximum at or above `max` (1, 2, 2.5 or 5 times a power of ten) and its tick step. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const niceStep = step < 1 ? 1 : step;
  return { max: Math.ceil(max / niceStep) * niceStep, step: niceStep };
}
