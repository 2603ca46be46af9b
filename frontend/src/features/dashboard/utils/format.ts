import { useTranslation } from '@/lib/i18n/react';
import { intlLocale } from '@/lib/i18n';

const counts = new Map<string, Intl.NumberFormat>();
const rates = new Map<string, Intl.NumberFormat>();
const milliseconds = new Map<string, Intl.NumberFormat>();

function cached(cache: Map<string, Intl.NumberFormat>, locale: string, options: Intl.NumberFormatOptions) {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(locale, format);
  }
  return format;
}

/** A duration in milliseconds: "4 ms" (a dash when none was measured). */
export function formatMilliseconds(value: number | undefined | null, language: string | undefined): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return NO_FIGURE;
  return cached(milliseconds, intlLocale(language), { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/** What is shown for a figure the API did not give (or could not compute). */
export const NO_FIGURE = '–';

/** A count of persons or tickets: "20,000" in English, "20 000" in French. */
export function formatCount(value: number | undefined, language: string | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return NO_FIGURE;
  return cached(counts, intlLocale(language), { maximumFractionDigits: 0 }).format(value);
}

/**
 * A rate given as a fraction (0.683 = 68.3 %), to one decimal at most: "68.3%" in English,
 * "68,3 %" in French. Rates the API could not compute (nothing offered or booked) show as a dash.
 */
export function formatRate(fraction: number | undefined, language: string | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return NO_FIGURE;
  return cached(rates, intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** The wall-clock time ("14:15") of an instant in a time zone (the edition's). */
export function formatClock(instant: string | number, language: string | undefined, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    date,
  );
}

/** The minutes since midnight of an instant, in a time zone. */
export function minutesOfDay(instant: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(
    new Date(instant),
  );
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** "09:15" for 555 minutes (no time zone: a wall-clock time already). */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Today's calendar day (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/** Count and rate formatters bound to the current UI language. */
export function useFigureFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return {
    count: (value: number | undefined) => formatCount(value, language),
    rate: (fraction: number | undefined) => formatRate(fraction, language),
    milliseconds: (value: number | undefined | null) => formatMilliseconds(value, language),
    clock: (instant: string | number, timeZone: string) => formatClock(instant, language, timeZone),
  };
}
