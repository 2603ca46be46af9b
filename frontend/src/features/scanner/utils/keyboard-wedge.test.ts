import { describe, expect, it } from 'vitest';
import { WedgeBuffer } from './keyboard-wedge';

function type(buffer: WedgeBuffer, text: string, start: number, gap: number): string | undefined {
  let at = start;
  for (const key of text) buffer.push(key, (at += gap));
  return buffer.push('Enter', at + gap);
}

describe('keyboard-wedge scanner bursts', () => {
  it('hears a fast burst ending with Enter', () => {
    expect(type(new WedgeBuffer(), 'GJ1.k1.eyJ0IjoxfQ.c2ln', 0, 8)).toBe('GJ1.k1.eyJ0IjoxfQ.c2ln');
  });

  it('ignores a person typing, and short bursts', () => {
    expect(type(new WedgeBuffer(), '7KQ2-M9XD-4TRB-HC3N', 0, 180)).toBeUndefined();
    expect(type(new WedgeBuffer(), 'abc', 0, 5)).toBeUndefined();
  });

  it('starts again after a pause, and ignores Shift and the like', () => {
    const buffer = new WedgeBuffer();
    buffer.push('x', 0);
    buffer.push('y', 10);
    let at = 1000;
    for (const key of ['Shift', 'A', 'Shift', 'B', 'C', 'D', '1', '2', '3', '4']) buffer.push(key, (at += 5));
    expect(buffer.push('Enter', at + 5)).toBe('ABCD1234');
  });
});
