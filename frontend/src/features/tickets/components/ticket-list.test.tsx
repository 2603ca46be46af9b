import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { activeTicket, cancelledTicket, ticket } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { TicketList } from './ticket-list';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('TicketList', () => {
  it('shows active and cancelled tickets, each with its status, and links to them', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([activeTicket, cancelledTicket]) });
    renderWithProviders(<TicketList now={Date.parse('2026-03-20T10:00:00Z')} />, { auth: resident });

    const active = await screen.findByRole('article', { name: 'Louvre-Lens' });
    expect(within(active).getByTestId('ticket-status')).toHaveTextContent('Valid');
    expect(within(active).getByText('7KQ2-M9XD-4TRB-HC3N')).toBeInTheDocument();
    expect(within(active).getByText('Lens · Pas-de-Calais')).toBeInTheDocument();
    expect(within(active).getByText(/^Saturday,? 28 March 2026$/)).toBeInTheDocument();
    expect(active).toHaveTextContent('2 people');
    expect(within(active).getByRole('link', { name: 'Louvre-Lens' })).toHaveAttribute('href', '/tickets/101');
    expect(active).not.toHaveClass('ticket-card--cancelled');

    const cancelled = screen.getByRole('article', { name: 'Base 11/19' });
    expect(within(cancelled).getByTestId('ticket-status')).toHaveTextContent('Cancelled');
    expect(within(cancelled).getByText('AB12-CD34-EF56-GH78')).toBeInTheDocument();
    expect(cancelled).toHaveTextContent('3 people');
    expect(cancelled).toHaveClass('ticket-card--cancelled');
    expect(within(cancelled).getByRole('link', { name: 'Base 11/19' })).toHaveAttribute('href', '/tickets/102');

    // Honest count: the cancelled ticket is not counted as one held.
    expect(screen.getByTestId('tickets-count')).toHaveTextContent('1 valid ticket');
  });

  it('puts today first, then upcoming by visit date, then used or past, then cancelled, each with its count', async () => {
    const on = (id: number, day: string, extra = {}) =>
      ticket({ id, offer: { ...activeTicket.offer, id: id + 1000, day, attraction: { ...activeTicket.offer.attraction, name: { fr: `A${id}`, en: `A${id}` } } }, ...extra });
    const tickets = [
      on(1, '2026-03-30'),
      on(2, '2026-03-28'),
      on(3, '2026-03-27'), // yesterday
      on(4, '2026-03-29'),
      on(5, '2026-03-28', { personsAdmitted: 2 }), // today, but the whole party is in
      on(6, '2026-03-29', { status: 'CANCELLED' }),
    ];
    mockFetch({ 'GET /api/me/tickets': () => json(tickets) });
    // 28 March, 10:00 in Paris
    renderWithProviders(<TicketList now={Date.parse('2026-03-28T09:00:00Z')} />, { auth: resident });

    const section = async (name: RegExp) => screen.findByRole('region', { name });
    const names = (region: HTMLElement) => within(region).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
    expect(names(await section(/^Today \(1\)$/))).toEqual(['A2']);
    expect(names(await section(/^Upcoming \(2\)$/))).toEqual(['A4', 'A1']);
    const past = await section(/^Used or past \(2\)$/);
    expect(names(past)).toEqual(['A5', 'A3']);
    expect(within(past).getAllByTestId('ticket-status')[0]).toHaveTextContent('Used');
    expect(names(await section(/^Cancelled \(1\)$/))).toEqual(['A6']);
    expect(screen.getByTestId('tickets-count')).toHaveTextContent('5 valid tickets');
    const order = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(order).toEqual(['Today (1)', 'Upcoming (2)', 'Used or past (2)', 'Cancelled (1)']);
  });

  it('tells someone who may not claim why, instead of inviting them to', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([]) });
    renderWithProviders(
      <TicketList eligibility={{ eligible: false, postcode: '75001', territories: ['Pas-de-Calais', 'Kent'] }} />,
      { auth: resident },
    );
    const notice = await screen.findByTestId('not-eligible');
    expect(notice).toHaveTextContent('Free entries are for residents of Pas-de-Calais and Kent.');
    expect(notice).toHaveTextContent('The postcode of your account, 75001, is not in one of them, so you cannot claim.');
    expect(within(notice).getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/account');
    expect(screen.queryByText(/claim free entries/)).not.toBeInTheDocument();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'GET /api/me/tickets': () => json([activeTicket, cancelledTicket]) });
    renderWithProviders(<TicketList />, { auth: resident });
    expect(await screen.findByText('Valide')).toBeInTheDocument();
    expect(screen.getByText('Annulé')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Base 11/19' })).toHaveTextContent('3 personnes');
  });

  it('says when there is no ticket yet and points to the attractions', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([]) });
    renderWithProviders(<TicketList />, { auth: resident });
    expect(await screen.findByText('You have no tickets yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the attractions and claim free entries.' })).toHaveAttribute('href', '/');
  });
});
