import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotEdition, ballotOffers } from '@/features/ballot/testing/fixtures';
import { edition, outsiderMe, residentMe, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { OffersRoute } from './offers';

// the ballot page is loaded on demand (React.lazy): loaded once here, so the tests do not wait for it
beforeAll(() => import('./offers-ballot'));

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

describe('OffersRoute', () => {
  it('in a ballot edition, says places are drawn and offers the application form instead of claim buttons', async () => {
    mockFetch({
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/editions/1/offers': () => json(ballotOffers),
      'GET /api/me': () => json(residentMe),
      'GET /api/me/tickets': () => json([]),
      'GET /api/editions/1/my-application': () => problemJson(typedProblem('not-found', 404, 'You have not applied.'), 404),
    });
    renderWithProviders(<OffersRoute />, { auth: resident });
    expect(await screen.findByTestId('ballot-notice')).toHaveTextContent('Places are drawn by ballot: apply until');
    expect(screen.getByText('Applications until Sunday, 15 March 2026 at 23:59 (Paris time).')).toBeInTheDocument();
    expect(screen.getByText(/apply with up to 3 choices, best first; the places are drawn by ballot on Monday, 16 March 2026/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Apply to the ballot' })).toBeInTheDocument();
    expect(await screen.findAllByText('Louvre-Lens')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Claim free entries/ })).not.toBeInTheDocument();
  });

  it('tells a resident outside the territories that they cannot apply', async () => {
    mockFetch({
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/editions/1/offers': () => json(ballotOffers),
      'GET /api/me': () => json(outsiderMe),
      'GET /api/editions/1/my-application': () => problemJson(typedProblem('not-found', 404, 'You have not applied.'), 404),
    });
    renderWithProviders(<OffersRoute />, { auth: resident });
    expect(await screen.findByText(/so you cannot apply/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Apply to the ballot' })).not.toBeInTheDocument();
  });

  it('in a first-come edition, shows no ballot', async () => {
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/editions/1/offers': () => json(ballotOffers),
      'GET /api/me': () => json(residentMe),
      'GET /api/me/tickets': () => json([]),
    });
    renderWithProviders(<OffersRoute />, { auth: resident });
    expect(await screen.findByRole('button', { name: /Claim free entries.*Louvre-Lens/ })).toBeInTheDocument();
    expect(screen.queryByTestId('ballot-notice')).not.toBeInTheDocument();
  });
});
