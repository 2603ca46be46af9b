import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatMinutes, formatRate, minutesOfDay, todayIn } from './format';
import { arrivalSlots, niceScale } from './rows';

// Intl separates French thousands with a narrow no-break space and puts a no-break space before %.
const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('figures formatting', () => {
  it('formats counts in the UI language', () => {
    expect(formatCount(20000, 'en')).toBe('20,000');
    expect(formatCount(20000, 'fr')).toBe(`20${NNBSP}000`);
    expect(formatCount(0, 'en')).toBe('0');
    expect(formatCount(1234567, 'fr')).toBe(`1${NNBSP}234${NNBSP}567`);
  });

  it('formats rates given as fractions as percentages, one decimal at most', () => {
    expect(formatRate(0.683, 'en')).toBe('68.3%');
    expect(formatRate(0.683, 'fr')).toBe(`68,3${NBSP}%`);
    expect(formatRate(1, 'en')).toBe('100%');
    expect(formatRate(0.69, 'en')).toBe('69%');
    expect(formatRate(0.12345, 'en')).toBe('12.3%');
  });

  it('shows a dash for a figure that is missing or not a number', () => {
    expect(formatCount(undefined, 'en')).toBe('–');
    expect(formatRate(Number.NaN, 'fr')).toBe('–');
    expect(formatRate(Number.POSITIVE_INFINITY, 'en')).toBe('–');
  });

  it('falls back to French for an unknown language', () => {
    expect(formatCount(1500, 'de')).toBe(`1${NNBSP}500`);
  });

  it('gives wall-clock times and days in the edition’s time zone', () => {
    expect(formatClock('2010-03-27T09:15:00Z', 'en', 'Europe/Paris')).toBe('10:15');
    expect(minutesOfDay('2010-03-27T09:15:00Z', 'Europe/Paris')).toBe(10 * 60 + 15);
    expect(minutesOfDay('2010-03-28T09:15:00Z', 'Europe/Paris')).toBe(11 * 60 + 15); // summer time began
    expect(formatMinutes(555)).toBe('09:15');
    expect(todayIn('Europe/Paris', new Date('2026-03-27T23:30:00Z'))).toBe('2026-03-28');
  });
});

describe('arrivalSlots', () => {
  const arrivals = [
    { attractionId: 1, day: '2010-03-27', slotStart: '2010-03-27T09:00:00Z', persons: 7 },
    { attractionId: 2, day: '2010-03-27', slotStart: '2010-03-27T09:00:00Z', persons: 5 },
    { attractionId: 1, day: '2010-03-27', slotStart: '2010-03-27T10:30:00Z', persons: 3 },
    { attractionId: 1, day: '2010-03-28', slotStart: '2010-03-28T09:00:00Z', persons: 100 },
  ];

  it('adds up the attractions per quarter of an hour of the day, over opening hours, empty quarters at 0', () => {
    const slots = arrivalSlots(arrivals, '2010-03-27', 'Europe/Paris');
    expect(slots).toHaveLength(9 * 4); // 09:00 to 18:00
    expect(formatMinutes(slots[0]!.minutes)).toBe('09:00');
    expect(formatMinutes(slots.at(-1)!.minutes)).toBe('17:45');
    expect(slots.filter((s) => s.persons > 0).map((s) => [formatMinutes(s.minutes), s.persons])).toEqual([
      ['10:00', 12],
      ['11:30', 3],
    ]);
  });

  it('widens the axis to whole hours around arrivals outside opening hours', () => {
    const late = [{ attractionId: 1, day: '2010-03-27', slotStart: '2010-03-27T19:45:00Z', persons: 2 }];
    const slots = arrivalSlots(late, '2010-03-27', 'Europe/Paris');
    expect(formatMinutes(slots[0]!.minutes)).toBe('09:00');
    expect(formatMinutes(slots.at(-1)!.minutes)).toBe('20:45');
    expect(slots.at(-1)!.persons).toBe(2);
  });

  it('is empty for a day without arrivals', () => {
    expect(arrivalSlots(arrivals, '2010-03-29', 'Europe/Paris')).toEqual([]);
  });
});

describe('niceScale', () => {
  it('rounds the axis up to a round number of round steps', () => {
    expect(niceScale(923)).toEqual({ max: 1000, step: 200 });
    expect(niceScale(20000)).toEqual({ max: 20000, step: 5000 });
    expect(niceScale(3, 4)).toEqual({ max: 3, step: 1 });
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
  });
});
