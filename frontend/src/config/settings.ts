/** How often the places left are refreshed, in milliseconds. */
export const OFFERS_REFRESH_MS = 30_000;
export const LANGUAGE_STORAGE_KEY = 'grandjour.language';
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
/** Locales used by Intl for each UI language (cross-Channel: French of France, English of the UK). */
export const INTL_LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
