import i18next from 'i18next';
import {
  DEFAULT_LANGUAGE,
  INTL_LOCALES,
  LANGUAGE_STORAGE_KEY,
  SUPPORTED_LANGUAGES,
  type Language,
} from '@/config/settings';

import type { TextPart } from './text-parts';

/**
 * The texts of each language in two parts (text-parts.ts), each a chunk of its own: a page downloads
 * only its language's main part, the other part with the pages that need it (loadMoreTexts), the
 * other language's if the user switches to it.
 */
const textParts: Record<Language, Record<TextPart, () => Promise<{ default: Record<string, unknown> }>>> = {
  fr: { main: () => import('virtual:grandjour-texts/fr-main'), more: () => import('virtual:grandjour-texts/fr-more') },
  en: { main: () => import('virtual:grandjour-texts/en-main'), more: () => import('virtual:grandjour-texts/en-more') },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled
  }
}

/** The saved choice, else the first browser language we support, else French. */
export function detectLanguage(
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export const i18n = i18next.createInstance();
/** The page's language, and the web app manifest in that language (public/manifest.<lang>.webmanifest). */
function applyLanguage(language: string) {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (manifest) manifest.href = `/manifest.${language}.webmanifest`;
}
i18n.on('languageChanged', applyLanguage);
void i18n.init({
  resources: {}, // added by loadLanguage
  lng: detectLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: SUPPORTED_LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();
/** Whether a page that needs the `more` part was opened: from then on, a language comes with it. */
let moreWanted = false;

function loadPart(language: Language, part: TextPart): Promise<void> {
  const id = `${language}/${part}`;
  let load = loading.get(id);
  if (!load) {
    load = textParts[language][part]().then(({ default: texts }) => {
      i18n.addResourceBundle(language, 'translation', texts, true, true);
      loaded.add(id);
    });
    load.catch(() => loading.delete(id)); // tried again next time
    loading.set(id, load);
  }
  return load;
}

const hasTexts = (language: Language) =>
  loaded.has(`${language}/main`) && (!moreWanted || loaded.has(`${language}/more`));

/**
 * Downloads the texts of a language once (imports of their chunks, precached by the service worker):
 * the main part, and the other one too if a page needed it (or `withMore`).
 */
export async function loadLanguage(language: Language, withMore = false): Promise<void> {
  if (withMore) moreWanted = true;
  await Promise.all([loadPart(language, 'main'), ...(moreWanted ? [loadPart(language, 'more')] : [])]);
}

/** The rest of the current language's texts (account, scanner, dashboard, administration): before those pages render. */
export function loadMoreTexts(): Promise<void> {
  return loadLanguage(currentLanguage(i18n.language), true);
}

/** Before the first render: the texts of the page's language, then that language applied. */
export async function startI18n(): Promise<void> {
  const language = detectLanguage();
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** Switches every label at once (once its texts are there) and remembers the choice for the next visits. */
export async function setLanguage(language: Language): Promise<void> {
  if (!hasTexts(language)) {
    try {
      await loadLanguage(language);
    } catch (error) {
      console.warn(`Texts of ${language} not loaded; the language stays`, error);
      return;
    }
  }
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  await i18n.changeLanguage(language);
}

/** The current UI language, narrowed to the supported ones. */
export function currentLanguage(language: string | undefined = i18n.resolvedLanguage): Language {
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export function intlLocale(language: string | undefined): string {
  return INTL_LOCALES[currentLanguage(language)];
}
