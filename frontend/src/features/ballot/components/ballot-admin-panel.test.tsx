import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { edition, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { ballotEdition, overview, reportAfter, reportBefore } from '../testing/fixtures';
import { BallotAdminPanel } from './ballot-admin-panel';

const organiser = fakeAuth({ authenticated: true, username: 'organiser', roles: ['organiser'] });
const posts = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  sentRequests(fetchMock).filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);

describe('BallotAdminPanel', () => {
  it('shows the figures, the demand per offer and the possible duplicates', async () => {
    mockFetch({
      'GET /api/editions': () => json([{ ...edition, id: 2, current: false }, ballotEdition]),
      'GET /api/admin/editions/1/ballot': () => json(overview),
      'GET /api/editions/1/draw': () => json(reportBefore),
    });
    renderWithProviders(<BallotAdminPanel />, { auth: organiser });
    const figures = await screen.findByTestId('ballot-figures');
    expect(within(figures).getByText('Applications taking part').nextElementSibling).toHaveTextContent('120');
    expect(within(figures).getByText('Persons').nextElementSibling).toHaveTextContent('260');
    // only ballot editions in the picker
    expect(within(screen.getByRole('combobox', { name: 'Edition' })).getAllByRole('option')).toHaveLength(1);
    const demand = screen.getByTestId('ballot-demand');
    expect(within(demand).getByRole('row', { name: 'Louvre-Lens, Sat 28 Mar 20 70 150 100 220' })).toBeInTheDocument();
    const group = screen.getByTestId('duplicate-group');
    expect(within(group).getByRole('heading', { name: 'Same email address: marie@example.org' })).toBeInTheDocument();
    expect(group).toHaveTextContent('Application disqualified (duplicate)');
    // only the one still in the ballot can be disqualified
    expect(within(group).getAllByRole('button', { name: /Disqualify/ })).toHaveLength(1);
    // the window is still open: no draw yet
    expect(screen.getByRole('button', { name: 'Run the draw…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Run the draw…' })).toHaveAccessibleDescription(
      'The draw can be run once applications close (Sunday, 15 March 2026 at 23:59 (Paris time)).',
    );
  });

  it('disqualifies with a reason, which it asks for first', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/admin/editions/1/ballot': () => json(overview),
      'GET /api/editions/1/draw': () => json(reportBefore),
      'POST /api/admin/editions/1/ballot/applications/7/disqualification': () =>
        json({ ...overview.duplicates[0]!.applications[0]!, status: 'DISQUALIFIED', disqualifiedReason: 'same person' }),
    });
    renderWithProviders(<BallotAdminPanel />, { auth: organiser });
    await userEvent.click(await screen.findByRole('button', { name: 'Disqualify K7Q2-M9XD' }));
    const form = screen.getByRole('form', { name: 'Disqualify K7Q2-M9XD' });
    const reason = within(form).getByRole('textbox', { name: 'Reason (published as a count)' });
    expect(reason).toHaveFocus();
    await userEvent.click(within(form).getByRole('button', { name: 'Disqualify' }));
    expect(reason).toHaveAccessibleDescription('Give a reason.');
    expect(posts(fetchMock, '/api/admin/editions/1/ballot/applications/7/disqualification')).toHaveLength(0);

    await userEvent.type(reason, 'same person');
    await userEvent.click(within(form).getByRole('button', { name: 'Disqualify' }));
    expect(await screen.findByRole('button', { name: 'Disqualify K7Q2-M9XD' })).toHaveFocus();
    expect(screen.getByText('Application K7Q2-M9XD disqualified.')).toHaveAttribute('role', 'status');
    const [request] = posts(fetchMock, '/api/admin/editions/1/ballot/applications/7/disqualification');
    expect(await request!.clone().json()).toEqual({ reason: 'same person' });
  });

  it('runs the draw with the public value after a confirmation, then shows the report', async () => {
    let drawn = false;
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/admin/editions/1/ballot': () => json({ ...overview, disqualificationOpen: false, drawn }),
      'GET /api/editions/1/draw': () => json(drawn ? reportAfter : { ...reportBefore, stage: 'CLOSED' }),
      'POST /api/admin/editions/1/draw': () => {
        drawn = true;
        return json(reportAfter);
      },
    });
    renderWithProviders(<BallotAdminPanel />, { auth: organiser });
    const value = await screen.findByRole('textbox', { name: 'Public value' });
    expect(value).toHaveAccessibleDescription('As announced in advance: EuroMillions of 13 March 2026');
    await userEvent.type(value, '4 12 19 33 41 + 2 9');
    await userEvent.click(screen.getByRole('button', { name: 'Run the draw…' }));

    const dialog = screen.getByRole('dialog', { name: 'Run the draw now?' });
    expect(dialog).toHaveAccessibleDescription(/with the public value “4 12 19 33 41 \+ 2 9”/);
    expect(within(dialog).getByRole('button', { name: 'Not now' })).toHaveFocus();
    expect(posts(fetchMock, '/api/admin/editions/1/draw')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run the draw' }));

    expect(await screen.findByRole('heading', { name: 'The draw report' })).toHaveFocus();
    expect(screen.getByTestId('draw-report')).toHaveTextContent(reportAfter.seed!);
    expect(screen.queryByRole('textbox', { name: 'Public value' })).not.toBeInTheDocument();
    const [request] = posts(fetchMock, '/api/admin/editions/1/draw');
    expect(await request!.clone().json()).toEqual({ publicValue: '4 12 19 33 41 + 2 9' });
  });

  it('shows the draw already made when a second one is refused (409), in French, from the problem, without reloading', async () => {
    await i18n.changeLanguage('fr');
    let reportLoads = 0;
    mockFetch({
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/admin/editions/1/ballot': () => json({ ...overview, disqualificationOpen: false }),
      // drawn by another organiser while this page was open: only the 409 tells
      'GET /api/editions/1/draw': () => {
        reportLoads++;
        return json({ ...reportBefore, stage: 'CLOSED' });
      },
      'POST /api/admin/editions/1/draw': () =>
        problemJson(typedProblem('already-drawn', 409, 'The ballot was drawn at 2026-03-16T10:02:00Z.', { draw: reportAfter }), 409),
    });
    renderWithProviders(<BallotAdminPanel />, { auth: organiser });
    await userEvent.click(await screen.findByRole('button', { name: 'Lancer le tirage…' }));
    const loadsBefore = reportLoads;
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Lancer le tirage' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Le tirage a déjà eu lieu : le voici.');
    expect(alert).toHaveFocus();
    expect(await within(await screen.findByTestId('draw-report')).findByText(reportAfter.seed!)).toBeInTheDocument();
    expect(reportLoads).toBe(loadsBefore);
  });
});
