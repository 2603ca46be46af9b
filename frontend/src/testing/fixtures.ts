import type { Edition, Me, Offer, Problem, Territory, Ticket } from '@/lib/api/types';

export const pasDeCalais: Territory = {
  code: 'FR-62',
  name: { fr: 'Pas-de-Calais', en: 'Pas-de-Calais' },
  country: 'FR',
  timeZone: 'Europe/Paris',
  postcodePattern: '^62\\d{3}$',
};

export const kent: Territory = {
  code: 'GB-KEN',
  name: { fr: 'Kent', en: 'Kent' },
  country: 'GB',
  timeZone: 'Europe/London',
  postcodePattern: '^(CT|ME|TN|DA|BR)\\d',
};

export const edition: Edition = {
  id: 1,
  slug: 'grand-jour-2026',
  name: 'Grand Jour 2026',
  names: { fr: 'Grand Jour 2026', en: 'Grand Jour 2026' },
  timeZone: 'Europe/Paris',
  firstDay: '2026-03-28',
  lastDay: '2026-03-29',
  days: ['2026-03-28', '2026-03-29'],
  claimOpensAt: '2026-03-01T08:00:00Z',
  claimClosesAt: '2026-03-27T18:00:00Z',
  claimOpen: true,
  current: true,
  maxTicketsPerResident: 2,
  maxPartySize: 4,
  territories: [pasDeCalais, kent],
  allocationMode: 'FIRST_COME',
  applicationOpen: false,
  maxChoices: 5,
  territoryShares: [],
};

export function offer(overrides: Partial<Offer> & { id: number }): Offer {
  return {
    editionId: 1,
    day: '2026-03-28',
    timeZone: 'Europe/Paris',
    capacity: 20,
    remaining: 7,
    opensAt: '10:00:00',
    closesAt: '18:00:00',
    attraction: {
      id: overrides.id,
      slug: 'louvre-lens',
      name: { fr: 'Louvre-Lens', en: 'Louvre-Lens' },
      description: { fr: 'Le musée du Louvre à Lens.', en: 'The Louvre museum in Lens.' },
      category: 'MUSEUM',
      territory: pasDeCalais,
      address: '99 rue Paul Bert',
      town: 'Lens',
      postcode: '62300',
      accessibility: { fr: 'Accessible en fauteuil roulant.', en: 'Wheelchair accessible.' },
      active: true,
    },
    ...overrides,
  };
}

export const louvreLens = offer({ id: 11, remaining: 7, capacity: 20 });
export const base1119 = offer({
  id: 12,
  remaining: 0,
  capacity: 15,
  attraction: {
    ...louvreLens.attraction,
    id: 12,
    slug: 'base-11-19',
    name: { fr: 'Base 11/19', en: 'Base 11/19' },
    category: 'HERITAGE',
    town: 'Loos-en-Gohelle',
    postcode: '62750',
  },
});

export const residentMe: Me = {
  username: 'resident',
  name: 'Rose Résidente',
  roles: ['resident'],
  postcode: '62300',
  territory: pasDeCalais,
  eligible: true,
  editionId: 1,
};

export const outsiderMe: Me = {
  username: 'outsider',
  name: 'Olivier Dehors',
  roles: ['resident'],
  postcode: '75001',
  // no territory: the server leaves it out (or sends null) when the postcode matches none
  eligible: false,
  editionId: 1,
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://grandjour.example/problems/${status === 404 ? 'not-found' : 'validation-failed'}`,
    title: status === 404 ? 'Not found' : 'Invalid input',
    status,
    detail,
    ...extra,
  };
}

export function ticket(overrides: Partial<Ticket> & { id: number }): Ticket {
  return {
    code: '7KQ2-M9XD-4TRB-HC3N',
    status: 'ACTIVE',
    partySize: 2,
    personsAdmitted: 0,
    createdAt: '2026-03-10T09:30:00Z',
    holderName: 'Rose Résidente',
    cancellable: true,
    releasableUntil: '2026-03-28T09:00:00Z',
    qrPayload: 'GJ1.k1.eyJ0IjoxfQ.c2ln',
    offer: louvreLens,
    ...overrides,
  };
}

export const activeTicket = ticket({ id: 101 });
export const cancelledTicket = ticket({
  id: 102,
  code: 'AB12-CD34-EF56-GH78',
  status: 'CANCELLED',
  partySize: 3,
  cancellable: false,
  cancelledAt: '2026-03-12T17:05:00Z',
  offer: { ...base1119, remaining: 3 },
});

/** A problem+json body of one of the API's problem types. */
export function typedProblem(slug: string, status: number, detail = '', extra: Partial<Problem> = {}): Problem {
  return { type: `https://grandjour.example/problems/${slug}`, title: slug, status, detail, ...extra };
}
