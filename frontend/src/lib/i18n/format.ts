import { useTranslation } from './react';
import type { Localized } from '@/lib/api/types';
import { currentLanguage, i18n, intlLocale } from './i18n';
import { collator, dateTimeFormat, listFormat } from '@/lib/intl';

/** Picks the text of the current language from a `{ fr, en }` pair (falling back to the other). */
export function pickLocalized(text: Localized, language: string | undefined): string {
  const lang = currentLanguage(language);
  return text[lang] || text[lang === 'fr' ? 'en' : 'fr'];
}

/** A calendar day ("YYYY-MM-DD", no time zone) as a date in the given language. */
export function formatDay(
  day: string,
  language: string | undefined,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
): string {
  // Noon UTC formatted in UTC: the same calendar day whatever the browser's time zone.
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' }).format(date);
}

/** An instant as the pages show it (with the zone's name after it: formatDateTime). */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
/** A 24-hour clock whatever the language, to tell a midnight (formatLastMoment). */
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

/** The time zones of our territories (named in the texts, time.zone.*): the editions' zones. */
const TERRITORY_TIME_ZONES = ['Europe/Paris', 'Europe/London', 'Europe/Brussels'];

/**
 * Makes the formatters of the home page's first screen ahead of need: the page's first Intl formatter
 * loads the browser's date data (40 ms and more on a slow phone), the first collator its collation
 * data. main.tsx calls this while the page's texts download, before the first paint, where it adds no
 * wait and blocks nothing; made in the render that shows the edition and its offers, they lengthened
 * it (issue 11, blocking time). All are the cached ones the pages use (src/lib/intl.ts).
 */
export function prepareDateFormats(language: string | undefined): void {
  formatDay('2026-01-01', language);
  formatDay('2026-01-01', language, { weekday: 'long', day: 'numeric', month: 'long' });
  nameCollator(language).compare('a', 'b');
  formatList(['a', 'b'], language);
  for (const timeZone of TERRITORY_TIME_ZONES) {
    dateTimeFormat(intlLocale(language), { ...DATE_TIME, timeZone });
    dateTimeFormat('en-GB', { ...CLOCK, timeZone });
  }
}

/** Two calendar days as a range in the language ("1–2 déc. 2026", "1–2 Dec 2026"). */
export function formatDayRange(first: string, last: string, language: string | undefined): string {
  const from = new Date(`${first}T12:00:00Z`);
  const to = new Date(`${last}T12:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) return `${first} – ${last}`;
  return dateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .formatRange(from, to);
}

/**
 * A time zone named in the language, the same way in both: "heure de Paris" / "Paris time" for the
 * zones of our territories (time.zone.<Area_City> in the locale files), else the zone's generic long
 * name from Intl ("heure d’Europe centrale" / "Central European Time"), never "UTC+1" or "CET".
 */
export function formatZoneName(timeZone: string, language: string | undefined): string {
  const lng = currentLanguage(language);
  const key = `time.zone.${timeZone.replace(/\//g, '_')}`;
  if (i18n.exists(key, { lng })) return i18n.t(key as 'time.zone.Europe_Paris', { lng });
  try {
    const parts = dateTimeFormat(intlLocale(lng), { timeZone, timeZoneName: 'longGeneric' }).formatToParts(0);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** An instant in the given time zone (the edition's), with the zone named. */
export function formatDateTime(instant: string, language: string | undefined, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const text = dateTimeFormat(intlLocale(language), { ...DATE_TIME, timeZone }).format(date);
  return timeZone ? `${text} (${formatZoneName(timeZone, language)})` : text;
}

/**
 * The last minute inside a window that ends (exclusively) at `end`: a window closing at midnight reads
 * "until Wednesday 2 December, 23:59", not "until Thursday 3 December at 00:00".
 */
export function formatLastMoment(end: string, language: string | undefined, timeZone?: string): string {
  const ms = Date.parse(end);
  if (Number.isNaN(ms)) return end;
  const clock = dateTimeFormat('en-GB', { ...CLOCK, timeZone }).format(ms);
  // only a midnight close is shown as the minute before it; "until 19:00" stays "until 19:00"
  return clock === '00:00:00' ? formatDateTime(new Date(ms - 60_000).toISOString(), language, timeZone) : formatDateTime(end, language, timeZone);
}

export function formatTime(timestamp: number, language: string | undefined): string {
  return dateTimeFormat(intlLocale(language), { timeStyle: 'medium' }).format(timestamp);
}

/** Compares names (attractions, territories) in the language's alphabetical order. */
export function nameCollator(language: string | undefined): Intl.Collator {
  return collator(intlLocale(language), { sensitivity: 'base', numeric: true });
}

/** Items sorted by a name, with the language's collation (English lists in English order). */
export function sortByName<T>(items: readonly T[], name: (item: T) => string, language: string | undefined): T[] {
  const collator = nameCollator(language);
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}

export function formatList(items: string[], language: string | undefined): string {
  return listFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}

/** Formatting helpers bound to the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return {
    language: currentLanguage(language),
    localized: (text: Localized) => pickLocalized(text, language),
    day: (day: string, options?: Intl.DateTimeFormatOptions) => formatDay(day, language, options),
    dateTime: (instant: string, timeZone?: string) => formatDateTime(instant, language, timeZone),
    lastMoment: (end: string, timeZone?: string) => formatLastMoment(end, language, timeZone),
    time: (timestamp: number) => formatTime(timestamp, language),
    zoneName: (timeZone: string) => formatZoneName(timeZone, language),
    collator: () => nameCollator(language),
    sortByName: <T>(items: readonly T[], name: (item: T) => string) => sortByName(items, name, language),
    list: (items: string[]) => formatList(items, language),
  };
}
