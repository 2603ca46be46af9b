import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { base1119, edition, residentMe } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { TicketsRoute } from './tickets';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('TicketsRoute', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-20T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the waiting lists under the tickets, even without a ticket', async () => {
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/me': () => json(residentMe),
      'GET /api/me/tickets': () => json([]),
      'GET /api/me/waitlist': () =>
        json([
          {
            id: 5,
            offer: base1119,
            partySize: 2,
            status: 'WAITING',
            source: 'JOIN',
            position: 1,
            partiesAhead: 0,
            personsAhead: 0,
            joinedAt: '2026-03-15T08:00:00Z',
          },
        ]),
    });
    renderWithProviders(<TicketsRoute />, { auth: resident });
    expect(await screen.findByText(/You have no tickets yet\./)).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Waiting lists (1)' });
    expect(within(section).getByText('You are 1st on the waiting list (nobody ahead)')).toBeInTheDocument();
  });
});
