/**
 * A hardware "keyboard wedge" scanner types the code it read, fast, then Enter. This tells such a
 * burst from a person typing: every key within `maxGapMs` of the previous one, at least `minLength`
 * characters, ended by Enter.
 */
export class WedgeBuffer {
  private text = '';
  private last = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(maxGapMs = 60, minLength = 8) {
    this.maxGapMs = maxGapMs;
    this.minLength = minLength;
  }

  /** Feeds one key (`KeyboardEvent.key`) at time `at` (ms); returns the code when a burst ends. */
  push(key: string, at: number): string | undefined {
    const gap = at - this.last;
    this.last = at;
    if (gap > this.maxGapMs) this.text = '';
    if (key === 'Enter') {
      const code = gap <= this.maxGapMs && this.text.length >= this.minLength ? this.text : undefined;
      this.text = '';
      return code;
    }
    if (key.length !== 1) return undefined; // Shift and the like, sent by some scanners
    this.text += key;
    return undefined;
  }
}
