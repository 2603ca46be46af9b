import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { activeTicket, base1119, cancelledTicket, edition, louvreLens, offer, ticket } from '@/testing/fixtures';
import { mockFetch } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import type { Ticket } from '@/lib/api/types';
import { ClaimOffer, type ClaimViewer } from './claim-offer';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });
const holding = (tickets: Ticket[], eligible?: boolean): ClaimViewer => ({ authenticated: true, eligible, tickets });

describe('ClaimOffer', () => {
  it('offers to log in first when logged out', async () => {
    const fetchMock = mockFetch({});
    const login = vi.fn();
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} viewer={{ authenticated: false, login }} />);
    await userEvent.click(screen.getByRole('button', { name: /^Log in to claim free entries at Louvre-Lens/ }));
    expect(login).toHaveBeenCalledOnce();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('opens the claim form from a disclosure button', async () => {
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} viewer={holding([cancelledTicket])} />, { auth: resident });
    const button = await screen.findByRole('button', { name: /^Claim free entries at Louvre-Lens, Saturday,? 28 March$/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('combobox', { name: 'Number of people' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('shows nothing when claims are closed, the offer is sold out, or the user is not known yet', () => {
    const { container } = renderWithProviders(
      <>
        <ClaimOffer offer={louvreLens} edition={{ ...edition, claimOpen: false }} viewer={holding([])} />
        <ClaimOffer offer={base1119} edition={edition} viewer={holding([])} />
        <ClaimOffer offer={louvreLens} edition={edition} viewer={undefined} />
      </>,
      { auth: resident },
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('links to the ticket the user already holds for the offer', async () => {
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} viewer={holding([activeTicket])} />, { auth: resident });
    expect(await screen.findByText('You have a ticket for this day.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my ticket for Louvre-Lens' })).toHaveAttribute('href', '/tickets/101');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('tells a user whose postcode is outside the territories, instead of offering a claim', async () => {
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} viewer={holding([], false)} />, { auth: resident });
    expect(await screen.findByText(/your postcode is not in one of them\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/account');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when the user holds the most tickets allowed', async () => {
    const held = [1, 2].map((n) => ticket({ id: n, offer: offer({ id: 100 + n }) }));
    renderWithProviders(<ClaimOffer offer={louvreLens} edition={edition} viewer={holding(held)} />, { auth: resident });
    expect(
      await screen.findByText(/You hold 2 tickets, the most allowed: cancel one to claim another\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My tickets' })).toHaveAttribute('href', '/tickets');
  });
});
