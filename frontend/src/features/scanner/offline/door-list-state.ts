import type { DoorList, DoorTicket, ScanRequest, ScanResult } from '@/lib/api/types';

/** A door-list ticket as this device knows it: plus who admitted it first, when this device did. */
export type DoorTicketState = DoorTicket & { firstAdmittedAt?: string; firstAdmittedBy?: string };

/**
 * A door list as this device knows it: the server's, plus the admissions not on it yet; `localOnly`
 * when the device never got the server's (only its own offline admissions are in it, and no time zone).
 */
export type DoorListState = Omit<DoorList, 'tickets' | 'timeZone'> & {
  tickets: DoorTicketState[];
  timeZone?: DoorList['timeZone'];
  localOnly?: boolean;
};

/** A list of nothing but this device's own admissions, until the server's comes. */
export function emptyDoorList(attractionId: number, day: string): DoorListState {
  return { attractionId, day, generatedAt: '', personsAdmitted: 0, tickets: [], keys: [], localOnly: true };
}

/** That a ticket's party has `personsAfter` persons in, as a scan found out (online or offline). */
export type Admission = {
  ticketId: number;
  partySize: number;
  personsAfter: number;
  holderFirstName?: string;
  /** When and by which device, for the "already used" message of a later offline scan. */
  at: string;
  by: string;
};

/**
 * The list with an admission applied. Idempotent: a ticket's count only goes up to what the
 * admission says (applying the same result twice, or one the server list already has, changes nothing).
 * A ticket the list does not have yet (claimed after the list was made) is added.
 */
export function applyAdmission(list: DoorListState, admission: Admission): DoorListState {
  const index = list.tickets.findIndex((t) => t.ticketId === admission.ticketId);
  const old: DoorTicketState =
    index >= 0
      ? list.tickets[index]!
      : {
          ticketId: admission.ticketId,
          code: '',
          partySize: admission.partySize,
          personsAdmitted: 0,
          status: 'ACTIVE',
          holderFirstName: admission.holderFirstName,
        };
  const personsAdmitted = Math.min(old.partySize, Math.max(old.personsAdmitted, admission.personsAfter));
  const delta = personsAdmitted - old.personsAdmitted;
  if (delta <= 0 && index >= 0) return list;
  const ticket: DoorTicketState = {
    ...old,
    personsAdmitted,
    holderFirstName: old.holderFirstName ?? admission.holderFirstName,
    ...(old.personsAdmitted === 0 && !old.firstAdmittedAt ? { firstAdmittedAt: admission.at, firstAdmittedBy: admission.by } : {}),
  };
  const tickets = index >= 0 ? list.tickets.with(index, ticket) : [...list.tickets, ticket];
  return { ...list, tickets, personsAdmitted: list.personsAdmitted + delta };
}

/** What a server verdict says about the door's list, if it is about a ticket of this door and day. */
export function admissionOfResult(
  result: ScanResult,
  request: ScanRequest,
  door: { attractionId: number; day: string },
): Admission | undefined {
  const { ticketId, partySize } = result;
  if (ticketId == null || partySize == null) return undefined;
  if (result.attractionId !== door.attractionId || result.day !== door.day) return undefined;
  if (result.verdict !== 'ADMITTED' && result.verdict !== 'ALREADY_USED') return undefined;
  return {
    ticketId,
    partySize,
    personsAfter: result.personsAdmittedBefore + result.personsAdmittedNow,
    holderFirstName: result.holderFirstName ?? undefined,
    at: result.firstAdmittedAt ?? request.scannedAt,
    by: result.firstAdmittedBy ?? request.deviceId,
  };
}

/** Persons the list counts in today. */
export const personsIn = (list: DoorListState | undefined) => list?.personsAdmitted ?? 0;
