import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import { MORE_SECTIONS, splitTexts } from './text-parts';

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] =
      typeof mine === 'object' && mine && typeof value === 'object' && value
        ? merge(mine as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

describe('text parts', () => {
  it('split every text of a language once, between main and more', () => {
    for (const texts of [en, fr]) {
      const { main, more } = splitTexts(texts);
      expect(merge(main, more)).toEqual(texts);
      expect(Object.keys(more).sort()).toEqual([...MORE_SECTIONS].sort());
    }
  });

  it('keep in main the keys the header shows', () => {
    const { main } = splitTexts(en);
    expect(main).toMatchObject({ admin: { nav: en.admin.nav }, dashboard: { nav: en.dashboard.nav } });
    expect(main).not.toHaveProperty('scanner');
    expect(main).not.toHaveProperty('admin.title');
  });
});
