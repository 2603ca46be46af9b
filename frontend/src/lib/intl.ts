/**
 * Intl formatters made once per locale and options, then reused: making one costs far more than
 * formatting with it, and a page of offers formats several dates per card on every render.
 */
const formatters = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make(); // an invalid option (an unknown time zone) throws here, and nothing is kept
    formatters.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  cached('DateTimeFormat', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const collator = (locale: string, options: Intl.CollatorOptions = {}) =>
  cached('Collator', locale, options, () => new Intl.Collator(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) =>
  cached('ListFormat', locale, options, () => new Intl.ListFormat(locale, options));
