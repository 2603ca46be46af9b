/**
 * The React binding of i18next the app uses, in place of react-i18next (5 KB on every page for a
 * hook and a provider): `useTranslation()` gives the `t` of the current language and the instance,
 * and renders the component again when the language changes (with a new `t`, so what was computed
 * from it is computed again), as react-i18next does by default. No Suspense: the app waits for a
 * language's texts before it switches to it (startI18n, setLanguage, loadMoreTexts), and without them
 * (a failed download) it renders the keys rather than nothing.
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { i18n as appI18n } from './i18n';

const I18nContext = createContext<I18n>(appI18n);

/** The instance the components below use (the app's own, unless a test gives another). */
export function I18nextProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useTranslation() {
  const i18n = useContext(I18nContext);
  // An external store (the instance's language), so a change renders at once, as with react-i18next.
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  return { t, i18n };
}
