import { beforeAll, describe, expect, it } from 'vitest';
import { ticketSigner, type TicketSigner } from '@/testing/signed-tickets';
import { calendarDay, compareDay } from './calendar-day';
import { applyAdmission, type DoorListState } from './door-list-state';
import { decideOffline, type OfflineInput } from './offline-decision';

const DOOR = 3;
const TODAY = '2026-03-28';

function doorList(overrides: Partial<DoorListState> = {}): DoorListState {
  return {
    attractionId: DOOR,
    day: TODAY,
    generatedAt: '2026-03-28T08:00:00Z',
    timeZone: 'Europe/Paris',
    personsAdmitted: 1,
    keys: [],
    tickets: [
      { ticketId: 10, code: '7KQ2-M9XD-4TRB-HC3N', partySize: 2, personsAdmitted: 0, status: 'ACTIVE', holderFirstName: 'Rose' },
      { ticketId: 11, code: 'AB12-CD34-EF56-GH78', partySize: 3, personsAdmitted: 3, status: 'ACTIVE', holderFirstName: 'Paul' },
      { ticketId: 12, code: 'ZZ12-CD34-EF56-GH78', partySize: 2, personsAdmitted: 0, status: 'CANCELLED', holderFirstName: 'Inès' },
      { ticketId: 13, code: 'QQ12-CD34-EF56-GH78', partySize: 4, personsAdmitted: 1, status: 'ACTIVE', holderFirstName: 'Tom' },
    ],
    ...overrides,
  };
}

let signer: TicketSigner;
beforeAll(async () => {
  signer = await ticketSigner();
});

const qr = (ticketId: number, partySize = 2, overrides: { a?: number; d?: string } = {}) =>
  signer.sign({ t: ticketId, o: 70, a: overrides.a ?? DOOR, d: overrides.d ?? TODAY, p: partySize });

const decide = (code: string, input: Partial<OfflineInput> = {}) =>
  decideOffline({ code, attractionId: DOOR, today: TODAY, list: doorList(), keys: [signer.key], ...input });

describe('offline decision', () => {
  it('admits the whole party of a valid ticket, by QR code or typed code', async () => {
    const byQr = await decide(await qr(10));
    expect(byQr).toMatchObject({
      verdict: 'ADMITTED',
      ticketId: 10,
      partySize: 2,
      personsAdmittedBefore: 0,
      personsAdmittedNow: 2,
      personsRemaining: 0,
      holderFirstName: 'Rose',
    });
    const typed = await decide('7kq2 m9xd 4trb hc3n');
    expect(typed).toMatchObject({ verdict: 'ADMITTED', ticketId: 10, personsAdmittedNow: 2, holderFirstName: 'Rose' });
  });

  it('admits fewer when asked, and the rest later', async () => {
    expect(await decide(await qr(13, 4), { persons: 2 })).toMatchObject({
      verdict: 'ADMITTED',
      personsAdmittedBefore: 1,
      personsAdmittedNow: 2,
      personsRemaining: 1,
    });
    expect(await decide(await qr(13, 4))).toMatchObject({ verdict: 'ADMITTED', personsAdmittedNow: 3, personsRemaining: 0 });
  });

  it('says already used when the whole party is in, and too many persons when fewer are left than asked', async () => {
    expect(await decide(await qr(11, 3))).toMatchObject({
      verdict: 'ALREADY_USED',
      personsAdmittedNow: 0,
      personsAdmittedBefore: 3,
      personsRemaining: 0,
    });
    expect(await decide(await qr(13, 4), { persons: 4 })).toMatchObject({
      verdict: 'TOO_MANY_PERSONS',
      personsAdmittedNow: 0,
      personsAdmittedBefore: 1,
      personsRemaining: 3,
    });
    expect(await decide('QQ12-CD34-EF56-GH78', { persons: 5 })).toMatchObject({ verdict: 'TOO_MANY_PERSONS', personsRemaining: 3 });
  });

  it('remembers its own admissions: the second read of a ticket admitted here is already used, with when and by whom', async () => {
    const list = applyAdmission(doorList(), {
      ticketId: 10,
      partySize: 2,
      personsAfter: 2,
      at: '2026-03-28T09:15:00Z',
      by: 'gj-AAAA',
    });
    expect(await decide(await qr(10), { list })).toMatchObject({
      verdict: 'ALREADY_USED',
      firstAdmittedAt: '2026-03-28T09:15:00Z',
      firstAdmittedBy: 'gj-AAAA',
    });
  });

  it('refuses a ticket for another attraction', async () => {
    expect(await decide(await qr(99, 2, { a: 4 }))).toMatchObject({ verdict: 'WRONG_ATTRACTION', attractionId: 4, ticketId: 99 });
  });

  it('refuses a ticket for another day, too early or too late', async () => {
    expect(await decide(await qr(10, 2, { d: '2026-03-29' }))).toMatchObject({ verdict: 'WRONG_DAY', day: '2026-03-29' });
    expect(await decide(await qr(10, 2, { d: '2026-03-27' }))).toMatchObject({ verdict: 'WRONG_DAY', day: '2026-03-27' });
    expect(compareDay('2026-03-29', TODAY)).toBe('early');
    expect(compareDay('2026-03-27', TODAY)).toBe('late');
    expect(compareDay(TODAY, TODAY)).toBe('same');
  });

  it('tells a cancelled or used ticket by its status before its day', async () => {
    expect(await decide(await qr(12, 2, { d: '2026-03-27' }))).toMatchObject({ verdict: 'CANCELLED', ticketId: 12 });
    expect(await decide(await qr(12, 2, { d: '2026-03-29' }))).toMatchObject({ verdict: 'CANCELLED', ticketId: 12 });
    expect(await decide(await qr(11, 3, { d: '2026-03-27' }))).toMatchObject({ verdict: 'ALREADY_USED', personsRemaining: 0 });
    // still active and not all in: the day decides
    expect(await decide(await qr(13, 4, { d: '2026-03-29' }))).toMatchObject({ verdict: 'WRONG_DAY' });
  });

  it('refuses a cancelled ticket', async () => {
    expect(await decide(await qr(12))).toMatchObject({ verdict: 'CANCELLED', ticketId: 12, holderFirstName: 'Inès' });
    expect(await decide('ZZ12CD34EF56GH78')).toMatchObject({ verdict: 'CANCELLED' });
  });

  it('admits an authentic ticket newer than the door list on its signature', async () => {
    expect(await decide(await qr(50, 3))).toMatchObject({ verdict: 'ADMITTED', ticketId: 50, partySize: 3, personsAdmittedNow: 3 });
  });

  it('refuses unknown, unreadable and forged codes, and says why', async () => {
    expect(await decide('NOPE-NOPE-NOPE-NOPE')).toMatchObject({ verdict: 'INVALID', offlineReason: 'not-in-list' });
    expect(await decide('hello')).toMatchObject({ verdict: 'INVALID', offlineReason: 'unreadable' });
    expect(await decide('GJ1.garbage')).toMatchObject({ verdict: 'INVALID', offlineReason: 'unreadable' });
    const forger = await ticketSigner(signer.key.kid);
    expect(await decide(await forger.sign({ t: 10, o: 70, a: DOOR, d: TODAY, p: 6 }))).toMatchObject({
      verdict: 'INVALID',
      offlineReason: 'bad-signature',
    });
    const stranger = await ticketSigner('k-unknown');
    expect(await decide(await stranger.sign({ t: 10, o: 70, a: DOOR, d: TODAY, p: 2 }))).toMatchObject({
      verdict: 'INVALID',
      offlineReason: 'unknown-key',
    });
  });

  it('cannot check typed codes without today’s list for this door', async () => {
    expect(await decide('7KQ2-M9XD-4TRB-HC3N', { list: undefined })).toMatchObject({ offlineReason: 'no-list' });
    expect(await decide('7KQ2-M9XD-4TRB-HC3N', { list: doorList({ day: '2026-03-27' }) })).toMatchObject({
      offlineReason: 'no-list',
    });
    // A QR code still can, on its signature, with the keys the device kept.
    expect(await decide(await qr(10), { list: undefined })).toMatchObject({ verdict: 'ADMITTED' });
    expect(await decide(await qr(10), { list: undefined, keys: [] })).toMatchObject({ offlineReason: 'no-list' });
  });
});

describe('calendar days', () => {
  it('are days of the zone the API sent (the edition\'s)', () => {
    expect(calendarDay(new Date('2026-03-28T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-28'); // 23:30 in Paris (UTC+1)
    expect(calendarDay(new Date('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(calendarDay(new Date('2026-07-01T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-02'); // summer time, UTC+2
    expect(calendarDay(new Date('2026-03-28T23:30:00Z'), 'Europe/London')).toBe('2026-03-28'); // 23:30 in Kent
  });
});
