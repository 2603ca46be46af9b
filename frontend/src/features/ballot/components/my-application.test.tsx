import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { typedProblem } from '@/testing/fixtures';
import { application, ballotEdition, ballotOffers } from '../testing/fixtures';
import type { Application } from '../api/types';
import { MyApplication } from './my-application';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });

function routes(mine: Application | null, extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/editions/1/offers': () => json(ballotOffers),
    'GET /api/editions/1/my-application': () =>
      mine ? json(mine) : problemJson(typedProblem('not-found', 404, 'You have not applied.'), 404),
    ...extra,
  });
}

describe('MyApplication', () => {
  it('offers the application form when the resident has not applied and the window is open', async () => {
    routes(null);
    renderWithProviders(<MyApplication edition={ballotEdition} />, { auth: resident });
    expect(await screen.findByRole('heading', { name: 'Apply to the ballot' })).toBeInTheDocument();
  });

  it('asks to log in first when logged out, and asks the API nothing about the application', () => {
    const fetchMock = routes(null);
    renderWithProviders(<MyApplication edition={ballotEdition} />);
    expect(screen.getByText('Log in to apply.')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((r) => r.url.includes('my-application'))).toBe(false);
  });

  it('shows a sent application, lets it be changed, and withdraws it after a confirmation', async () => {
    let mine = application();
    const fetchMock = routes(null, {
      'GET /api/editions/1/my-application': () => json(mine),
      'DELETE /api/editions/1/my-application': () => {
        mine = application({ status: 'WITHDRAWN' });
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<MyApplication edition={ballotEdition} />, { auth: resident });
    const summary = await screen.findByTestId('my-application');
    expect(summary).toHaveTextContent('Application sent');
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Louvre-Lens, Saturday 28 March',
      'Base 11/19, Saturday 28 March',
    ]);
    expect(summary).toHaveTextContent('K7Q2-M9XD');

    await userEvent.click(screen.getByRole('button', { name: 'Change my application' }));
    expect(screen.getByRole('heading', { name: 'Change your application' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Change my application' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Withdraw my application' }));
    const yes = screen.getByRole('button', { name: 'Yes, withdraw' });
    expect(yes).toHaveFocus();
    await userEvent.click(yes);
    expect(await screen.findByText('Application withdrawn')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply again' })).toHaveFocus();
    expect(sentRequests(fetchMock).filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('after the draw, a win links to the ticket and gives the draw id and the random position', async () => {
    routes(application({ status: 'WON', editable: false, position: 17, wonOfferId: 12, ticketId: 501 }));
    renderWithProviders(<MyApplication edition={{ ...ballotEdition, applicationOpen: false }} />, { auth: resident });
    const summary = await screen.findByTestId('my-application');
    expect(summary).toHaveTextContent('You won a place: Base 11/19, Saturday 28 March.');
    expect(within(summary).getByRole('link', { name: 'See your ticket' })).toHaveAttribute('href', '/tickets/501');
    expect(within(summary).getByText('Random position in the draw').nextElementSibling).toHaveTextContent('17');
    expect(within(summary).getByRole('link', { name: 'Check the draw' })).toHaveAttribute('href', '/editions/1/draw');
    expect(screen.queryByRole('button', { name: 'Change my application' })).not.toBeInTheDocument();
  });

  it('after the draw, a waitlisted application gives its place on each waiting list, in French too', async () => {
    await i18n.changeLanguage('fr');
    routes(
      application({
        status: 'WAITLISTED',
        editable: false,
        position: 88,
        waitingLists: [
          { offerId: 11, position: 4 },
          { offerId: 12, position: 9 },
        ],
      }),
    );
    renderWithProviders(<MyApplication edition={{ ...ballotEdition, applicationOpen: false }} />, { auth: resident });
    const summary = await screen.findByTestId('my-application');
    expect(summary).toHaveTextContent('En liste d’attente');
    expect(summary).toHaveTextContent('Louvre-Lens, samedi 28 mars : n° 4 sur la liste d’attente');
    expect(summary).toHaveTextContent('Base 11/19, samedi 28 mars : n° 9 sur la liste d’attente');
    expect(within(summary).getByText('Rang tiré au sort').nextElementSibling).toHaveTextContent('88');
  });
});
