import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { base1119, louvreLens, offer } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import type { WaitlistEntry } from '../api/get-my-waitlist';
import { BEFORE, entry } from '../testing/entries';
import { WaitlistSection } from './waitlist-section';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

const waiting = entry({ id: 1, offer: base1119, position: 3, personsAhead: 5, partySize: 2 });
const waitingSunday = entry({
  id: 2,
  offer: offer({ id: 21, day: '2026-03-29', remaining: 0 }),
  position: 1,
  personsAhead: 0,
  partySize: 1,
  source: 'BALLOT',
});
const served = entry({ id: 3, offer: louvreLens, status: 'SERVED', ticketId: 55, position: null, servedAt: '2026-03-18T10:00:00Z' });
const servedLongAgo = entry({
  id: 4,
  offer: offer({ id: 31, day: '2026-03-01' }),
  status: 'SERVED',
  ticketId: 56,
  position: null,
});
const left = entry({ id: 5, offer: offer({ id: 41 }), status: 'LEFT', position: null });

describe('WaitlistSection', () => {
  it('lists where the user waits, soonest first, and the places that came free, with their ticket', async () => {
    mockFetch({ 'GET /api/me/waitlist': () => json([left, servedLongAgo, served, waitingSunday, waiting]) });
    renderWithProviders(<WaitlistSection now={BEFORE} />, { auth: resident });
    const section = await screen.findByRole('region', { name: 'Waiting lists (2)' });
    const cards = within(section).getAllByRole('article');
    expect(cards).toHaveLength(3);

    const [first, second, third] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { name: 'Base 11/19' })).toBeInTheDocument();
    expect(first).toHaveTextContent(/Saturday,? 28 March 2026 · 2 people/);
    expect(first).toHaveTextContent('You are 3rd on the waiting list (5 people ahead)');
    expect(within(first).getByRole('button', { name: /^Leave the list for Base 11\/19, Saturday,? 28 March$/ })).toBeInTheDocument();

    expect(second).toHaveTextContent(/Sunday,? 29 March 2026 · 1 person/);
    expect(second).toHaveTextContent('You are 1st on the waiting list (nobody ahead)');
    expect(second).toHaveTextContent('The ballot put you on this list');

    expect(within(section).getByRole('heading', { name: 'Places that came free for you' })).toBeInTheDocument();
    expect(third).toHaveTextContent('A place came free: your ticket');
    expect(within(third).getByRole('link', { name: /^your ticket for Louvre-Lens, Saturday,? 28 March$/ })).toHaveAttribute(
      'href',
      '/tickets/55',
    );
    expect(within(third).queryByRole('button')).not.toBeInTheDocument();
  });

  it('leaves a list: the entry goes, the heading takes the focus and the status says so', async () => {
    let entries: WaitlistEntry[] = [waiting, waitingSunday];
    const fetchMock = mockFetch({
      'GET /api/me/waitlist': () => json(entries),
      'DELETE /api/offers/12/waitlist': () => {
        entries = [{ ...waiting, status: 'LEFT' }, waitingSunday];
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<WaitlistSection now={BEFORE} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: /^Leave the list for Base 11\/19/ }));

    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('heading', { name: 'Waiting lists (1)' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('You have left the waiting list of Base 11/19.');
    const deleted = sentRequests(fetchMock).find((r) => r.method === 'DELETE')!;
    expect(new URL(deleted.url).pathname).toBe('/api/offers/12/waitlist');
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'GET /api/me/waitlist': () => json([waiting, served]) });
    renderWithProviders(<WaitlistSection now={BEFORE} />, { auth: resident });
    const section = await screen.findByRole('region', { name: 'Listes d’attente (1)' });
    expect(section).toHaveTextContent('Vous êtes 3e sur la liste d’attente (5 personnes devant vous)');
    expect(section).toHaveTextContent('samedi 28 mars 2026 · 2 personnes');
    expect(section).toHaveTextContent('Une place s’est libérée : votre billet');
    expect(within(section).getByRole('button', { name: /^Quitter la liste pour Base 11\/19/ })).toBeInTheDocument();
  });

  it('shows nothing without entries to show (left, or served for a day gone by)', async () => {
    const fetchMock = mockFetch({ 'GET /api/me/waitlist': () => json([left, servedLongAgo]) });
    const { container } = renderWithProviders(<WaitlistSection now={BEFORE} />, { auth: resident });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it('asks nothing of the server for an account that is not a resident', () => {
    const fetchMock = mockFetch({});
    const { container } = renderWithProviders(<WaitlistSection now={BEFORE} />, {
      auth: fakeAuth({ authenticated: true, username: 'staff', roles: ['staff'] }),
    });
    expect(container).toBeEmptyDOMElement();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
