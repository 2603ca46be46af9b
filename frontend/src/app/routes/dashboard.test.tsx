import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { edition } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { DashboardRoute } from './dashboard';

describe('DashboardRoute', () => {
  it('asks to log in when logged out', () => {
    mockFetch({});
    renderWithProviders(<DashboardRoute />);
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText('Log in with an organiser account to follow the figures of Grand Jour.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });

  it('tells a logged-in non-organiser that it is for organisers only, and asks the API nothing', () => {
    const fetchMock = mockFetch({});
    renderWithProviders(<DashboardRoute />, {
      auth: fakeAuth({ authenticated: true, username: 'staff', roles: ['staff'] }),
    });
    expect(screen.getByTestId('dashboard-forbidden')).toHaveTextContent(
      'The dashboard is for organisers only.Your account (staff) does not have the organiser role.',
    );
    expect(sentRequests(fetchMock)).toHaveLength(0);
  });

  it('shows an organiser the current edition’s dashboard', async () => {
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/editions/1/stats': () =>
        json({
          editionId: 1,
          generatedAt: '2026-03-28T10:00:00Z',
          overall: { offered: 50, booked: 10, tickets: 5, cancelled: 0, admitted: 0, noShows: 0, claimRate: 0.2, redemptionRate: 0 },
          byDay: [],
          byTerritory: [],
          byAttraction: [],
          arrivals: [],
          crossBorder: [],
          verdicts: [],
          waitlists: [],
          overbooking: [],
        }),
    });
    renderWithProviders(<DashboardRoute />, {
      route: '/dashboard',
      auth: fakeAuth({ authenticated: true, username: 'organiser', roles: ['organiser'] }),
    });
    expect(await screen.findByTestId('figure-offered')).toHaveTextContent('50');
    expect(screen.getByTestId('figure-booked')).toHaveTextContent('10');
  });
});
