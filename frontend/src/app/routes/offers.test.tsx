import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeTicket, base1119, edition, offer, residentMe } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { OffersRoute } from './offers';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('OffersRoute', () => {
  // Before the fixtures' edition (its days are 28 and 29 March 2026), only the clock faked.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-20T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('offers the waiting list on a sold-out card, except where the user holds a ticket or already waits', async () => {
    const held = offer({ id: 11, remaining: 0 }); // activeTicket is for offer 11
    const waitedFor = offer({
      id: 13,
      remaining: 0,
      attraction: { ...base1119.attraction, id: 13, slug: 'arena', name: { fr: 'Arena', en: 'Arena' } },
    });
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/editions/1/offers': () => json([held, base1119, waitedFor]),
      'GET /api/me': () => json(residentMe),
      'GET /api/me/tickets': () => json([activeTicket]),
      'GET /api/me/waitlist': () =>
        json([
          {
            id: 5,
            offer: waitedFor,
            partySize: 2,
            status: 'WAITING',
            source: 'JOIN',
            position: 2,
            partiesAhead: 1,
            personsAhead: 3,
            joinedAt: '2026-03-15T08:00:00Z',
          },
        ]),
    });
    renderWithProviders(<OffersRoute />, { auth: resident });

    const baseCard = (await screen.findByRole('heading', { name: 'Base 11/19' })).closest('article')!;
    expect(await within(baseCard).findByRole('button', { name: /^Join the waiting list for Base 11\/19/ })).toBeInTheDocument();

    const arenaCard = screen.getByRole('heading', { name: 'Arena' }).closest('article')!;
    expect(within(arenaCard).getByRole('status')).toHaveTextContent('You are 2nd on the waiting list (3 people ahead)');
    expect(within(arenaCard).getByRole('button', { name: /^Leave the list for Arena/ })).toBeInTheDocument();

    const heldCard = screen.getByRole('heading', { name: 'Louvre-Lens' }).closest('article')!;
    expect(within(heldCard).getByRole('link', { name: 'See my ticket for Louvre-Lens' })).toBeInTheDocument();
    expect(within(heldCard).queryByRole('button', { name: /waiting list/ })).not.toBeInTheDocument();
  });
});
