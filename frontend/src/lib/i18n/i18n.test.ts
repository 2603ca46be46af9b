import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/config/settings';
import { detectLanguage, formatDay, formatLastMoment, i18n, pickLocalized, setLanguage } from '.';

describe('language', () => {
  it('follows the browser, falling back to French', () => {
    expect(detectLanguage(['en-GB', 'fr'])).toBe('en');
    expect(detectLanguage(['de-DE', 'fr-BE'])).toBe('fr');
    expect(detectLanguage(['de-DE', 'nl'])).toBe('fr');
    expect(detectLanguage([])).toBe('fr');
  });

  it('prefers the saved choice, which setLanguage stores along with <html lang>', async () => {
    await setLanguage('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(i18n.t('nav.account')).toBe('Mon compte');
    expect(detectLanguage(['en-GB'])).toBe('fr');
  });

  it('formats calendar days in the language, whatever the time zone', () => {
    expect(formatDay('2026-03-28', 'fr')).toBe('samedi 28 mars 2026');
    expect(formatDay('2026-03-28', 'en')).toMatch(/^Saturday,? 28 March 2026$/); // the comma depends on the ICU version
  });

  it('shows a window ending at midnight as its last minute, in the time zone given', () => {
    // claims close at 00:00 Paris time on Thursday 3 December: the last minute that counts is Wednesday 23:59
    expect(formatLastMoment('2026-12-02T23:00:00Z', 'en', 'Europe/Paris')).toMatch(/Wednesday,? 2 December 2026.*23:59/);
    expect(formatLastMoment('2026-12-02T23:00:00Z', 'fr', 'Europe/Paris')).toMatch(/mercredi 2 décembre 2026.*23:59/);
    expect(formatLastMoment('2026-12-02T18:00:00Z', 'en', 'Europe/Paris')).toMatch(/Wednesday,? 2 December 2026.*19:00/);
    expect(formatLastMoment('not a date', 'fr')).toBe('not a date');
  });

  it('picks the localized text', () => {
    expect(pickLocalized({ fr: 'Musée', en: 'Museum' }, 'en')).toBe('Museum');
    expect(pickLocalized({ fr: 'Musée', en: '' }, 'en')).toBe('Musée');
  });
});
