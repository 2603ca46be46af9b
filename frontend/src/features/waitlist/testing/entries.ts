import { base1119 } from '@/testing/fixtures';
import type { WaitlistEntry } from '../api/get-my-waitlist';

/** Before the visits of the fixtures' edition (28 and 29 March 2026). */
export const BEFORE = Date.parse('2026-03-20T10:00:00Z');

export function entry(overrides: Partial<WaitlistEntry> & { id: number }): WaitlistEntry {
  return {
    offer: base1119,
    partySize: 2,
    status: 'WAITING',
    source: 'JOIN',
    position: 3,
    partiesAhead: 2,
    personsAhead: 5,
    ticketId: null,
    joinedAt: '2026-03-15T08:00:00Z',
    servedAt: null,
    ...overrides,
  };
}
