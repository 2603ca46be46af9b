import { dateTimeFormat } from './intl';

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (the edition's). */
export function calendarDay(instant: Date | number, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The wall-clock time (YYYY-MM-DDTHH:mm, as a datetime-local input holds it) of an instant in a time zone. */
export function zonedLocal(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(epochMs: number, timeZone: string): number {
  const [y = 0, m = 1, d = 1, h = 0, min = 0] = zonedLocal(new Date(epochMs).toISOString(), timeZone).split(/[-T:]/).map(Number);
  return Date.UTC(y, m - 1, d, h, min) - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * The instant (ISO 8601, UTC) at which a zone's wall clock shows a datetime-local value; undefined when the
 * value or the zone is not one. A time skipped by a clock change (02:30 on the spring-forward night) is
 * taken at the offset before the change, as most calendars do.
 */
export function instantOf(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [y = 0, m = 1, d = 1, h = 0, min = 0] = match.slice(1).map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  try {
    // the offset at the first guess, then at the corrected instant (they differ across a clock change)
    const guess = zoneOffset(wall, timeZone);
    const offsets = [guess, zoneOffset(wall - guess, timeZone)];
    const exact = offsets.map((o) => wall - o).find((t) => zonedLocal(new Date(t).toISOString(), timeZone) === local);
    // none shows that wall time: it was skipped by a spring-forward, so it is read at the offset before (the smaller)
    return new Date(exact ?? wall - Math.min(...offsets)).toISOString();
  } catch {
    return undefined; // an unknown zone
  }
}
