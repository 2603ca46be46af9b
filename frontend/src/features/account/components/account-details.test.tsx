import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { edition, outsiderMe, residentMe } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { AccountDetails } from './account-details';

describe('AccountDetails', () => {
  it('offers to log in when logged out, without calling the API', async () => {
    const fetchMock = mockFetch({});
    const login = vi.fn();
    renderWithProviders(<AccountDetails edition={edition} />, { auth: fakeAuth({ login }) });

    expect(screen.getByText(/Log in to see your details/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(login).toHaveBeenCalledOnce();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the profile of an eligible resident', async () => {
    const fetchMock = mockFetch({ 'GET /api/me': () => json(residentMe) });
    renderWithProviders(<AccountDetails edition={edition} />, {
      auth: fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] }),
    });

    expect(await screen.findByTestId('account-username')).toHaveTextContent('resident');
    expect(screen.getByTestId('account-territory')).toHaveTextContent('Pas-de-Calais');
    expect(screen.getByText('62300')).toBeInTheDocument();
    expect(screen.getByText('Resident')).toBeInTheDocument();
    expect(screen.getByText('You can claim free entries')).toBeInTheDocument();
    expect(new URL(sentRequests(fetchMock)[0]!.url).search).toBe('?editionId=1');
  });

  it('explains why an outsider cannot claim', async () => {
    mockFetch({ 'GET /api/me': () => json(outsiderMe) });
    renderWithProviders(<AccountDetails edition={edition} />, {
      auth: fakeAuth({ authenticated: true, username: 'outsider', roles: ['resident'] }),
    });

    expect(await screen.findByText('You cannot claim free entries')).toBeInTheDocument();
    expect(
      screen.getByText('Your postcode 75001 is outside the participating territories (Pas-de-Calais and Kent).'),
    ).toBeInTheDocument();
  });
});
