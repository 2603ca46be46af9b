import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { kent } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { AdminRoute } from './admin';

describe('AdminRoute', () => {
  it('asks to log in when logged out', () => {
    mockFetch({});
    renderWithProviders(<AdminRoute />);
    expect(screen.getByRole('heading', { level: 1, name: 'Administration' })).toBeInTheDocument();
    expect(screen.getByText('Log in with an organiser account to manage Grand Jour.')).toBeInTheDocument();
  });

  it('tells a logged-in non-organiser that it is for organisers only, and asks the API nothing', () => {
    const fetchMock = mockFetch({});
    renderWithProviders(<AdminRoute />, { auth: fakeAuth({ authenticated: true, username: 'staff', roles: ['staff'] }) });
    expect(screen.getByTestId('admin-forbidden')).toHaveTextContent('Administration is for organisers only.');
    expect(sentRequests(fetchMock)).toHaveLength(0);
  });

  it('shows an organiser the territories, and the staff tab from the URL', async () => {
    mockFetch({
      'GET /api/territories': () => json([kent]),
      'GET /api/admin/staff': () => json([]),
      'GET /api/admin/attractions': () => json([]),
    });
    const auth = fakeAuth({ authenticated: true, username: 'organiser', roles: ['organiser'] });
    const { unmount } = renderWithProviders(<AdminRoute />, { auth });
    expect(await screen.findByRole('rowheader', { name: 'GB-KEN' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Territories' })).toHaveAttribute('aria-current', 'page');
    unmount();
    renderWithProviders(<AdminRoute />, { auth, route: '/admin?tab=staff' });
    expect(await screen.findByText('No door-staff account yet.')).toBeInTheDocument();
  });

  it('gives organisers a Ballot tab', async () => {
    mockFetch({
      'GET /api/territories': () => json([kent]),
      'GET /api/editions': () => json([]),
    });
    const auth = fakeAuth({ authenticated: true, username: 'organiser', roles: ['organiser'] });
    renderWithProviders(<AdminRoute />, { auth, route: '/admin?tab=ballot' });
    expect(screen.getByRole('button', { name: 'Ballot' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('No edition is allocated by ballot.')).toBeInTheDocument();
  });
});
