import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  INTL_LOCALES,
  LANGUAGE_STORAGE_KEY,
  SUPPORTED_LANGUAGES,
  type Language,
} from '@/config/settings';

/**
 * The texts of each language, a chunk of their own: a page downloads only its language's (loadLanguage),
 * the other one if the user switches to it.
 */
const locales = import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' });

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
void i18n.use(initReactI18next).init({
  resources: {}, // added by loadLanguage
  lng: detectLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: SUPPORTED_LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

const loading = new Map<Language, Promise<void>>();

/** Downloads the texts of a language once (an import of its chunk, precached by the service worker). */
export function loadLanguage(language: Language): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = locales[`./locales/${language}.json`]!().then((texts) => {
      i18n.addResourceBundle(language, 'translation', texts, true, true);
    });
    load.catch(() => loading.delete(language)); // tried again at the next switch
    loading.set(language, load);
  }
  return load;
}

/** Before the first render: the texts of the page's language, then that language applied. */
export async function startI18n(): Promise<void> {
  const language = detectLanguage();
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** Switches every label at once (once its texts are there) and remembers the choice for the next visits. */
export async function setLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
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
