import type { Edition } from '@/lib/api/types';
import { base1119, edition, louvreLens } from '@/testing/fixtures';
import type { Application, BallotOverview, DrawReport } from '../api/types';

export const ballotEdition: Edition = {
  ...edition,
  allocationMode: 'BALLOT',
  claimOpen: false,
  applicationOpensAt: '2026-03-01T08:00:00Z',
  applicationClosesAt: '2026-03-15T23:00:00Z', // midnight in Paris: "until 15 March, 23:59"
  applicationOpen: true,
  drawAt: '2026-03-16T10:00:00Z',
  maxChoices: 3,
  publicValueSource: 'EuroMillions of 13 March 2026',
  ballotCommitment: 'c0ffee',
};

export const ballotOffers = [louvreLens, { ...base1119, remaining: 15 }];

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 7,
    editionId: 1,
    status: 'SUBMITTED',
    drawId: 'K7Q2-M9XD',
    partySize: 2,
    choices: [11, 12],
    anyOtherSameDay: false,
    editable: true,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    ...overrides,
  };
}

export const reportBefore: DrawReport = {
  editionId: 1,
  stage: 'OPEN',
  algorithm: 'gj-ballot-1',
  commitment: 'a3f1'.repeat(16),
  publicValueSource: 'EuroMillions of 13 March 2026',
  applicationOpensAt: '2026-03-01T08:00:00Z',
  applicationClosesAt: '2026-03-15T23:00:00Z',
  drawAt: '2026-03-16T10:00:00Z',
};

export const reportAfter: DrawReport = {
  ...reportBefore,
  stage: 'DRAWN',
  snapshotHash: '5a5a'.repeat(16),
  seed: '9e9e'.repeat(16),
  publicValue: '4 12 19 33 41 + 2 9',
  resultHash: 'b0b0'.repeat(16),
  drawnAt: '2026-03-16T10:02:00Z',
  figures: {
    applications: 120,
    persons: 260,
    winners: 40,
    personsWon: 90,
    waitlisted: 80,
    withdrawn: 5,
    disqualified: 2,
    disqualificationReasons: [{ reason: 'duplicate', count: 2 }],
    territories: [
      { territory: 'FR-62', applications: 100, winners: 30, odds: 0.3 },
      { applications: 20, winners: 10, odds: 0.5 },
    ],
  },
  verify: "java DrawVerifier.java snapshot.json result.json 9e9e '4 12 19 33 41 + 2 9'",
};

export const overview: BallotOverview = {
  editionId: 1,
  applications: 120,
  persons: 260,
  withdrawn: 5,
  disqualified: 1,
  disqualificationOpen: true,
  drawn: false,
  demand: [
    { offerId: 11, attraction: 'Louvre-Lens', day: '2026-03-28', places: 20, firstChoices: 70, firstChoicePersons: 150, allChoices: 100, allChoicePersons: 220 },
  ],
  duplicates: [
    {
      match: 'EMAIL',
      key: 'marie@example.org',
      applications: [
        { applicationId: 7, drawId: 'K7Q2-M9XD', username: 'marie', name: 'Marie Dupont', postcode: '62300', email: 'marie@example.org', status: 'SUBMITTED' },
        { applicationId: 8, drawId: 'P3W8-ZZ41', username: 'marie2', name: 'Marie Dupont', postcode: '62300', email: 'marie@example.org', status: 'DISQUALIFIED', disqualifiedReason: 'duplicate' },
      ],
    },
  ],
};
