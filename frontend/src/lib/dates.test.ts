import { describe, expect, it } from 'vitest';
import { calendarDay, instantOf, zonedLocal } from './dates';

describe('zoned wall-clock times', () => {
  it('shows an instant as the wall clock of the zone', () => {
    expect(zonedLocal('2027-03-01T08:00:00Z', 'Europe/Paris')).toBe('2027-03-01T09:00');
    expect(zonedLocal('2027-03-01T08:00:00Z', 'Europe/London')).toBe('2027-03-01T08:00');
    expect(zonedLocal('2027-07-01T08:00:00Z', 'Europe/Paris')).toBe('2027-07-01T10:00');
    expect(zonedLocal('not a date', 'Europe/Paris')).toBe('');
  });

  it('reads a wall clock back as the instant, winter and summer', () => {
    expect(instantOf('2027-03-01T09:00', 'Europe/Paris')).toBe('2027-03-01T08:00:00.000Z');
    expect(instantOf('2027-07-01T10:00', 'Europe/Paris')).toBe('2027-07-01T08:00:00.000Z');
    expect(instantOf('2027-07-01T10:00', 'Europe/London')).toBe('2027-07-01T09:00:00.000Z');
    expect(instantOf('2027-03-01T23:59', 'Europe/Paris')).toBe('2027-03-01T22:59:00.000Z');
  });

  it('round-trips around the clock changes', () => {
    // the last Sunday of March 2027 (28th): 02:00 → 03:00 in Paris; October 31st: 03:00 → 02:00
    for (const local of ['2027-03-28T01:30', '2027-03-28T03:30', '2027-10-31T01:30', '2027-10-31T03:30']) {
      expect(zonedLocal(instantOf(local, 'Europe/Paris')!, 'Europe/Paris')).toBe(local);
    }
    // 02:30 does not exist that night: taken at the winter offset (01:30 UTC), shown as 03:30
    expect(instantOf('2027-03-28T02:30', 'Europe/Paris')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses what is not a wall-clock time or a zone', () => {
    expect(instantOf('2027-03-01', 'Europe/Paris')).toBeUndefined();
    expect(instantOf('2027-03-01T09:00', 'Mars/Olympus')).toBeUndefined();
  });

  it('keeps calendarDay as it was', () => {
    expect(calendarDay(Date.UTC(2027, 2, 1, 23, 30), 'Europe/Paris')).toBe('2027-03-02');
  });
});
