import { useTranslation } from '@/lib/i18n/react';
import { SUPPORTED_LANGUAGES } from '@/config/settings';
import { currentLanguage, setLanguage } from '@/lib/i18n';

/** Two toggle buttons, FR and EN; the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage(i18n.resolvedLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={t(`language.${language}`)}
          aria-pressed={language === current}
          onClick={() => void setLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
