import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/config/settings';
import manifestEn from '../../../public/manifest.en.webmanifest?raw';
import manifestFr from '../../../public/manifest.fr.webmanifest?raw';
import { detectLanguage, formatDateTime, formatDay, formatDayRange, formatLastMoment, formatZoneName, i18n, pickLocalized, prepareDateFormats, setLanguage, sortByName } from '.';

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

  it('prepares the first screen’s formatters ahead of need: formatting days and an edition’s deadline then makes no new one', () => {
    prepareDateFormats('en');
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const collators = vi.spyOn(Intl, 'Collator');
    try {
      expect(formatDay('2026-03-28', 'en')).toMatch(/^Saturday,? 28 March 2026$/);
      expect(formatDay('2026-03-28', 'en', { weekday: 'long', day: 'numeric', month: 'long' })).toMatch(/^Saturday,? 28 March$/);
      expect(formatLastMoment('2026-03-27T23:00:00Z', 'en', 'Europe/Paris')).toMatch(/27 March 2026.*23:59 \(Paris time\)$/);
      expect(sortByName(['b', 'a'], (x) => x, 'en')).toEqual(['a', 'b']);
      expect(made).not.toHaveBeenCalled();
      expect(collators).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
      collators.mockRestore();
    }
  });

  it('formats the days of an edition as a range in the language', () => {
    expect(formatDayRange('2026-12-01', '2026-12-02', 'fr')).toMatch(/^1\s?[–-]\s?2 déc\. 2026$/);
    expect(formatDayRange('2026-12-01', '2026-12-02', 'en')).toMatch(/^1\s?[–-]\s?2 Dec 2026$/);
    expect(formatDayRange('2026-12-02', '2026-12-01', 'en')).toBe('2026-12-02 – 2026-12-01');
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

  it('names the time zone in words, the same way in both languages (not UTC+1 in French and CET in English)', () => {
    expect(formatZoneName('Europe/Paris', 'fr')).toBe('heure de Paris');
    expect(formatZoneName('Europe/Paris', 'en')).toBe('Paris time');
    expect(formatZoneName('Europe/London', 'fr')).toBe('heure de Londres');
    // a zone without a name of ours: Intl's long generic name, never an offset
    expect(formatZoneName('America/New_York', 'en')).toMatch(/Eastern/);
    const fr = formatDateTime('2026-12-02T18:00:00Z', 'fr', 'Europe/Paris');
    expect(fr).toMatch(/mercredi 2 décembre 2026.*19:00 \(heure de Paris\)$/);
    expect(fr).not.toMatch(/UTC|CET/);
    expect(formatDateTime('2026-12-02T18:00:00Z', 'en', 'Europe/Paris')).toMatch(/19:00 \(Paris time\)$/);
  });

  it('sorts names in the language\'s alphabetical order', () => {
    const names = ['Zoo', 'Écomusée', 'abbaye', 'Base 11/19', 'Base 2'];
    expect(sortByName(names, (n) => n, 'fr')).toEqual(['abbaye', 'Base 2', 'Base 11/19', 'Écomusée', 'Zoo']);
    expect(sortByName(names, (n) => n, 'en')).toEqual(['abbaye', 'Base 2', 'Base 11/19', 'Écomusée', 'Zoo']);
  });
});

describe('web app manifest', () => {
  // what public/ holds, as /icons/… paths (not loaded)
  const files = Object.keys(import.meta.glob('../../../public/**/*.{png,svg}')).map((path) => path.replace('../../../public', ''));
  const read = (lang: string) =>
    JSON.parse(lang === 'fr' ? manifestFr : manifestEn) as {
      lang: string;
      description: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };

  it('exists per language, with PNG icons of 192 and 512 px and a maskable one, all present', () => {
    for (const lang of ['fr', 'en']) {
      const manifest = read(lang);
      expect(manifest.lang).toBe(lang);
      const png = manifest.icons.filter((icon) => icon.type === 'image/png');
      expect(png.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
      for (const icon of manifest.icons) {
        expect(files, icon.src).toContain(icon.src);
      }
    }
    expect(read('fr').description).not.toBe(read('en').description);
  });

  it('is the one of the page\'s language', async () => {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/manifest.fr.webmanifest';
    document.head.append(link);
    await setLanguage('en');
    expect(link.getAttribute('href')).toBe('/manifest.en.webmanifest');
    await setLanguage('fr');
    expect(link.getAttribute('href')).toBe('/manifest.fr.webmanifest');
    link.remove();
  });
});
