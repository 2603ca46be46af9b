/**
 * The texts of a language come in two chunks (built by vite.config.ts from locales/<lang>.json, the
 * one source): `main`, for the home page and the pages every resident sees, and `more`, the sections
 * of the account page and of the staff's and organisers' pages (scanner, dashboard, administration),
 * downloaded with those pages. Keys of those sections that the header shows stay in `main`.
 */
export const MORE_SECTIONS = ['account', 'admin', 'dashboard', 'scanner'] as const;
const KEPT_IN_MAIN = new Set(['nav']);

export type TextPart = 'main' | 'more';
type Texts = Record<string, unknown>;

export function splitTexts(texts: Texts): Record<TextPart, Texts> {
  const main: Texts = {};
  const more: Texts = {};
  for (const [section, value] of Object.entries(texts)) {
    if (!(MORE_SECTIONS as readonly string[]).includes(section) || typeof value !== 'object' || value === null) {
      main[section] = value;
      continue;
    }
    const kept = Object.entries(value).filter(([key]) => KEPT_IN_MAIN.has(key));
    if (kept.length > 0) main[section] = Object.fromEntries(kept);
    more[section] = Object.fromEntries(Object.entries(value).filter(([key]) => !KEPT_IN_MAIN.has(key)));
  }
  return { main, more };
}
