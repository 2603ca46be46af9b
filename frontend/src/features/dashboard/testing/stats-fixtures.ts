import type { AttractionFigures, EditionStats, Figures } from '@/lib/api/types';

/** Figures with the rates computed as the API does. */
export function figures(offered: number, booked: number, admitted: number, extra: Partial<Figures> = {}): Figures {
  return {
    offered,
    booked,
    tickets: Math.ceil(booked / 2),
    cancelled: 0,
    admitted,
    noShows: booked - admitted,
    claimRate: offered > 0 ? booked / offered : 0,
    redemptionRate: booked > 0 ? admitted / booked : 0,
    doorFullScans: 0,
    ...extra,
  };
}

export function attractionFigures(
  offerId: number,
  attractionId: number,
  name: string,
  territory: string,
  day: string,
  f: Figures,
): AttractionFigures {
  return {
    attractionId,
    offerId,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name: { fr: name, en: name },
    territory,
    day,
    figures: f,
  };
}

export const louvreLensSat = attractionFigures(11, 1, 'Louvre-Lens', 'FR-62', '2026-03-28', figures(900, 900, 620, { doorFullScans: 7 }));
export const doverCastleSat = attractionFigures(21, 2, 'Dover Castle', 'GB-KEN', '2026-03-28', figures(700, 650, 480));
export const base1119Sun = attractionFigures(32, 3, 'Base 11/19', 'FR-62', '2026-03-29', figures(200, 200, 157));

export const stats: EditionStats = {
  editionId: 1,
  generatedAt: '2026-03-28T13:30:05Z',
  overall: figures(20000, 20000, 13659, { noShows: 6341, redemptionRate: 0.683, doorFullScans: 7 }),
  byDay: [
    { day: '2026-03-28', figures: figures(10000, 10000, 6783) },
    { day: '2026-03-29', figures: figures(10000, 10000, 6876) },
  ],
  byTerritory: [],
  byAttraction: [louvreLensSat, doverCastleSat, base1119Sun],
  arrivals: [
    { attractionId: 1, day: '2026-03-28', slotStart: '2026-03-28T09:00:00Z', persons: 40 },
    { attractionId: 2, day: '2026-03-28', slotStart: '2026-03-28T09:15:00Z', persons: 25 },
  ],
  crossBorder: [
    { residentTerritory: 'FR-62', attractionTerritory: 'FR-62', booked: 900, admitted: 620 },
    { residentTerritory: 'GB-KEN', attractionTerritory: 'FR-62', booked: 120, admitted: 90 },
  ],
  verdicts: [
    { attractionId: 1, verdict: 'ADMITTED', scans: 300, conflicts: 0 },
    { attractionId: 1, verdict: 'ALREADY_USED', scans: 4, conflicts: 1 },
    { attractionId: 2, verdict: 'INVALID', scans: 2, conflicts: 0 },
  ],
  waitlists: [
    { offerId: 11, waitingParties: 3, waitingPersons: 7, releasedPersons: 12, refilledPersons: 10, confirmedTickets: 400, unconfirmedTickets: 80, walkUpPersons: 6, refillMsMedian: 4, refillMsMax: 17 },
    { offerId: 21, waitingParties: 0, waitingPersons: 0, releasedPersons: 0, refilledPersons: 0, confirmedTickets: 0, unconfirmedTickets: 300, walkUpPersons: 0 },
  ],
  overbooking: [
    { offerId: 11, mode: 'EDITION', riskPercent: 1, historyParties: 412, noShowRate: 0.3, dispersion: 0.0124, certainPersons: 120, allowance: 48, overflowRisk: 0.00961, expectedNoShows: 144 },
    { offerId: 21, mode: 'EDITION', riskPercent: 1, certainPersons: 0, allowance: 0 },
  ],
};
