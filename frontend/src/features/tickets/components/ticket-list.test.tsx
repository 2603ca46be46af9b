import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { activeTicket, cancelledTicket } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { TicketList } from './ticket-list';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('TicketList', () => {
  it('shows active and cancelled tickets, each with its status, and links to them', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([activeTicket, cancelledTicket]) });
    renderWithProviders(<TicketList />, { auth: resident });

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

    expect(screen.getByText('2 tickets')).toBeInTheDocument();
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
