import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { base1119, louvreLens } from '@/testing/fixtures';
import { hasOpened, isSoldOut, positionText } from './position';
import { entry } from './testing/entries';

describe('waiting-list position', () => {
  it('says the position as an ordinal and the persons ahead, in English', () => {
    const t = i18n.t.bind(i18n);
    expect(positionText(entry({ id: 1, position: 1, personsAhead: 0 }), t)).toBe('You are 1st on the waiting list (nobody ahead)');
    expect(positionText(entry({ id: 1, position: 2, personsAhead: 1 }), t)).toBe('You are 2nd on the waiting list (1 person ahead)');
    expect(positionText(entry({ id: 1, position: 3, personsAhead: 5 }), t)).toBe('You are 3rd on the waiting list (5 people ahead)');
    expect(positionText(entry({ id: 1, position: 11, personsAhead: 20 }), t)).toBe('You are 11th on the waiting list (20 people ahead)');
    expect(positionText(entry({ id: 1, position: 22, personsAhead: 40 }), t)).toBe('You are 22nd on the waiting list (40 people ahead)');
    expect(positionText(entry({ id: 1, position: null }), t)).toBe('You are on the waiting list.');
  });

  it('and in French', async () => {
    await i18n.changeLanguage('fr');
    const t = i18n.t.bind(i18n);
    expect(positionText(entry({ id: 1, position: 1, personsAhead: 0 }), t)).toBe('Vous êtes 1er sur la liste d’attente (personne devant vous)');
    expect(positionText(entry({ id: 1, position: 2, personsAhead: 3 }), t)).toBe('Vous êtes 2e sur la liste d’attente (3 personnes devant vous)');
  });

  it('knows a sold-out offer', () => {
    expect(isSoldOut(base1119)).toBe(true);
    expect(isSoldOut(louvreLens)).toBe(false);
  });

  it('closes the list at the opening time of the day, in the offer zone', () => {
    // 28 March 2026, opening at 10:00 Paris time (09:00 UTC, before the clocks change on the 29th)
    expect(hasOpened(base1119, Date.parse('2026-03-27T20:00:00Z'))).toBe(false);
    expect(hasOpened(base1119, Date.parse('2026-03-28T08:59:00Z'))).toBe(false);
    expect(hasOpened(base1119, Date.parse('2026-03-28T09:00:00Z'))).toBe(true);
    expect(hasOpened(base1119, Date.parse('2026-03-29T01:00:00Z'))).toBe(true);
  });
});
