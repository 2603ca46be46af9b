import type { ScanResult, TicketKey } from '@/lib/api/types';
import { compareDay } from './calendar-day';
import type { DoorListState, DoorTicketState } from './door-list-state';
import { looksLikeQrPayload, parseQrPayload } from './qr-payload';
import { normaliseTicketCode } from './ticket-code';
import { verifyQrSignature } from './verify-signature';

/** Why an offline check could not accept a code. */
export type OfflineReason =
  /** Neither a QR payload nor a ticket code. */
  | 'unreadable'
  /** A QR payload whose signature does not verify: forged or altered. */
  | 'bad-signature'
  /** Signed with a key this device does not have (refresh the door list when online). */
  | 'unknown-key'
  /** A typed code that is not in this door's list for today. */
  | 'not-in-list'
  /** No door list for today on this device: typed codes cannot be checked. */
  | 'no-list'
  /** This browser cannot verify Ed25519 signatures, and the ticket is not in the door list. */
  | 'no-crypto';

/** A verdict made on the device, shaped like the server's. */
export type OfflineDecision = Omit<ScanResult, 'scanId' | 'conflict' | 'reason'> & { offlineReason?: OfflineReason };

export type OfflineInput = {
  code: string;
  attractionId: number;
  /** Today (YYYY-MM-DD) in the tickets' time zone. */
  today: string;
  /** This door's list as the device knows it (with its own admissions not synced yet). */
  list: DoorListState | undefined;
  keys: readonly TicketKey[];
  /** Persons to admit; default everyone of the party not yet admitted. */
  persons?: number;
};

const refused = (offlineReason: OfflineReason): OfflineDecision => ({
  verdict: 'INVALID',
  personsAdmittedNow: 0,
  personsAdmittedBefore: 0,
  offlineReason,
});

const aboutTicket = (ticket: DoorTicketState, base: OfflineDecision): OfflineDecision => ({
  ...base,
  ticketId: ticket.ticketId,
  partySize: ticket.partySize,
  holderFirstName: ticket.holderFirstName ?? base.holderFirstName,
  personsAdmittedBefore: ticket.personsAdmitted,
});

/** The ticket's own state, whatever its day: cancelled, or its whole party already in; undefined when it may still admit. */
function statusVerdict(ticket: DoorTicketState, base: OfflineDecision): OfflineDecision | undefined {
  const about = aboutTicket(ticket, base);
  if (ticket.status === 'CANCELLED') return { ...about, verdict: 'CANCELLED' };
  if (ticket.partySize - ticket.personsAdmitted <= 0) {
    return {
      ...about,
      verdict: 'ALREADY_USED',
      personsRemaining: 0,
      firstAdmittedAt: ticket.firstAdmittedAt,
      firstAdmittedBy: ticket.firstAdmittedBy,
    };
  }
  return undefined;
}

/** The door's own judgement of a ticket it knows for today: its status, then too many persons, or admitted. */
function judge(ticket: DoorTicketState, persons: number | undefined, base: OfflineDecision): OfflineDecision {
  const status = statusVerdict(ticket, base);
  if (status) return status;
  const about = aboutTicket(ticket, base);
  const left = ticket.partySize - ticket.personsAdmitted;
  if (persons !== undefined && persons > left) return { ...about, verdict: 'TOO_MANY_PERSONS', personsRemaining: left };
  const now = persons ?? left;
  return { ...about, verdict: 'ADMITTED', personsAdmittedNow: now, personsRemaining: left - now };
}

// ONE ADMISSION RULE, TWO PLACES. The server half is ScanService.judge (with its admission SQL) in
// backend/src/main/java/org/grandjour/scan/ScanService.java; this file and judge-scan.ts are the
// door's half. Change them together:
// - the verdict order: INVALID (unreadable, bad signature, unknown ticket, claims not matching the
//   ticket's offer or party) → WRONG_ATTRACTION → the ticket's status (CANCELLED, then ALREADY_USED for
//   a party all in) → WRONG_DAY → TOO_MANY_PERSONS / ADMITTED (the device knows a status only for the
//   tickets of its door list; the server also refuses, as BAD_SCAN_TIME, an offline scan whose time is
//   before the ticket's day or after its own now);
// - the day check: the scan's instant as a calendar day in the edition's time zone (`today` here,
//   `scannedAt.atZone(edition.timeZone)` there) equals the ticket's day;
// - the status checks: only an ACTIVE ticket is admitted; CANCELLED wins over ALREADY_USED;
// - partial admission: `persons` absent admits everyone not yet in; nobody left is ALREADY_USED, more
//   than are left is TOO_MANY_PERSONS with `personsRemaining` (the SQL's `persons_admitted < party_size`
//   and `persons_admitted + persons <= party_size`), never a partial admission of fewer than asked;
// - the ScanResult fields the door reads (personsAdmittedBefore/Now, personsRemaining, firstAdmitted*).
// Not here on purpose: DOOR_FULL (an overbooked offer's door at its capacity) is the server's alone, since a
// device cannot know what the other doors admitted; an offline admission is recorded even beyond the capacity.

/**
 * What the door decides without the server: a QR payload's Ed25519 signature is checked against the
 * keys on the device, then its attraction and day (from the signed claims), then the ticket in the
 * local door list (cancelled, persons already in). A signed ticket missing from the list was claimed
 * after the list was made: it is admitted on its signature. A typed code can only be checked
 * against the list.
 */
export async function decideOffline({ code, attractionId, today, list, keys, persons }: OfflineInput): Promise<OfflineDecision> {
  const todaysList = list && list.attractionId === attractionId && list.day === today ? list : undefined;

  if (!looksLikeQrPayload(code)) {
    const normalised = normaliseTicketCode(code);
    if (!normalised) return refused('unreadable');
    if (!todaysList || todaysList.localOnly) return refused('no-list');
    const ticket = todaysList.tickets.find((t) => t.code === normalised);
    if (!ticket) return refused('not-in-list');
    return judge(ticket, persons, {
      ...refused('not-in-list'),
      offlineReason: undefined,
      attractionId,
      day: today,
    });
  }

  const payload = parseQrPayload(code);
  if (!payload) return refused('unreadable');
  const signature = await verifyQrSignature(payload, keys);
  if (signature === 'invalid') return refused('bad-signature');
  if (signature === 'unknown-key') return refused(keys.length === 0 ? 'no-list' : 'unknown-key');

  const { claims } = payload;
  const about: OfflineDecision = {
    verdict: 'INVALID',
    personsAdmittedNow: 0,
    personsAdmittedBefore: 0,
    ticketId: claims.ticketId,
    partySize: claims.partySize,
    offerId: claims.offerId,
    attractionId: claims.attractionId,
    day: claims.day,
  };
  if (claims.attractionId !== attractionId) return { ...about, verdict: 'WRONG_ATTRACTION' };

  const ticket = todaysList?.tickets.find((t) => t.ticketId === claims.ticketId);
  if (signature === 'unsupported' && (!ticket || ticket.partySize !== claims.partySize)) {
    return refused('no-crypto');
  }
  // a cancelled or used ticket says so before its day does
  const status = ticket && statusVerdict(ticket, about);
  if (status) return status;
  if (compareDay(claims.day, today) !== 'same') return { ...about, verdict: 'WRONG_DAY' };
  if (ticket) return judge(ticket, persons, about);
  // Authentic, for this door and today, but newer than the list: this device has admitted nobody with
  // it (its own admissions are in the list); another device may have, which the sync will tell.
  return judge(
    { ticketId: claims.ticketId, code: '', partySize: claims.partySize, personsAdmitted: 0, status: 'ACTIVE' },
    persons,
    about,
  );
}
