import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { activeTicket, base1119, cancelledTicket, edition, louvreLens, offer, ticket } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { ClaimOffer } from './claim-offer';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('ClaimOffer', () => {
  it('offers to log in first when logged out', async () => {
    const fetchMock = mockFetch({});
    const login = vi.fn();
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} />, { auth: fakeAuth({ login }) });
    await userEvent.click(screen.getByRole('button', { name: /^Log in to claim free entries at Louvre-Lens/ }));
    expect(login).toHaveBeenCalledOnce();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('opens the claim form from a disclosure button', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([cancelledTicket]) });
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} />, { auth: resident });
    const button = await screen.findByRole('button', { name: /^Claim free entries at Louvre-Lens, Saturday,? 28 March$/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('combobox', { name: 'Number of people' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('shows nothing when claims are closed or the offer is sold out', () => {
    mockFetch({ 'GET /api/me/tickets': () => json([]) });
    const { container } = renderWithProviders(
      <>
        <ClaimOffer offer={louvreLens} edition={{ ...edition, claimOpen: false }} />
        <ClaimOffer offer={base1119} edition={edition} />
      </>,
      { auth: resident },
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('links to the ticket the user already holds for the offer', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([activeTicket]) });
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} />, { auth: resident });
    expect(await screen.findByText('You have a ticket for this day.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my ticket for Louvre-Lens' })).toHaveAttribute('href', '/tickets/101');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('tells a user whose postcode is outside the territories, instead of offering a claim', async () => {
    mockFetch({ 'GET /api/me/tickets': () => json([]) });
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} eligible={false} />, { auth: resident });
    expect(await screen.findByText(/your postcode is not in one of them\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/account');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when the user holds the most tickets allowed', async () => {
    const held = [1, 2].map((n) => ticket({ id: n, offer: offer({ id: 100 + n }) }));
    mockFetch({ 'GET /api/me/tickets': () => json(held) });
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} />, { auth: resident });
    expect(
      await screen.findByText(/You hold 2 tickets, the most allowed: cancel one to claim another\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My tickets' })).toHaveAttribute('href', '/tickets');
  });
});
