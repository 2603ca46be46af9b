import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from '@/lib/router';
import { describe, expect, it } from 'vitest';
import type { Edition } from '@/lib/api/types';
import { i18n } from '@/lib/i18n';
import { edition } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { stats } from '../testing/stats-fixtures';
import { Dashboard } from './dashboard';

const edition2010: Edition = {
  ...edition,
  id: 7,
  slug: 'grand-jour-2010',
  name: 'Grand Jour 2010',
  names: { fr: 'Grand Jour 2010', en: 'Grand Jour 2010' },
  firstDay: '2010-03-27',
  lastDay: '2010-03-28',
  days: ['2010-03-27', '2010-03-28'],
  current: false,
};

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

/** A stream that sends what `send` pushes, and stays open. */
function controllableStream() {
  let push!: (text: string) => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(new TextEncoder().encode(text));
    },
  });
  return { response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }), send: (text: string) => push(text) };
}

function renderDashboard(route = '/dashboard') {
  return renderWithProviders(
    <Routes>
      <Route
        path="/dashboard"
        element={
          <>
            <Dashboard editions={[edition2010, edition]} />
            <Search />
          </>
        }
      />
    </Routes>,
    { route },
  );
}

describe('Dashboard', () => {
  it('edits capacities of an edition still to come, shows those of a finished one as they were', async () => {
    mockFetch({ 'GET /api/editions/1/stats': () => json(stats), 'GET /api/editions/7/stats': () => json({ ...stats, editionId: 7 }) });
    const coming = { ...edition, lastDay: '2999-12-31' };
    const { unmount } = renderWithProviders(<Dashboard editions={[edition2010, coming]} />, { route: '/dashboard' });
    expect((await screen.findAllByRole('spinbutton', { name: /^Capacity of / })).length).toBeGreaterThan(0);
    unmount();
    renderWithProviders(<Dashboard editions={[edition2010]} />, { route: '/dashboard?edition=grand-jour-2010' });
    expect(await screen.findByText('This edition is over: its capacities are shown as they were and can no longer change.')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: /^Capacity of / })).not.toBeInTheDocument();
  });

  it('counts the ticket holders turned away at a full door, in total and per offer, in English and French', async () => {
    mockFetch({ 'GET /api/editions/1/stats': () => json(stats) });
    renderDashboard();
    const headline = await screen.findByTestId('headline');
    expect(screen.getByTestId('figure-door-full')).toHaveTextContent('7');
    expect(within(headline).getByText('Door full')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Figures per attraction and day/ });
    expect(within(table).getByRole('columnheader', { name: /^Door full/ })).toBeInTheDocument();
    const louvre = within(table).getByRole('rowheader', { name: /Louvre-Lens/ }).closest('tr')!;
    expect(louvre.querySelector('td[data-column="doorFullScans"]')).toHaveTextContent('7');
    await act(() => i18n.changeLanguage('fr'));
    expect(within(headline).getByText('Complet à la porte')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /^Complet à la porte/ })).toBeInTheDocument();
  });

  it('shows the current edition’s headline figures, then the live ones the stream brings', async () => {
    const stream = controllableStream();
    mockFetch({
      'GET /api/editions/1/stats': () => json(stats),
      'GET /api/editions/1/stats/stream': () => stream.response,
    });
    renderDashboard();
    expect(screen.getByLabelText('Edition')).toHaveValue('grand-jour-2026');
    const headline = await screen.findByTestId('headline');
    expect(headline).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('figure-offered')).toHaveTextContent('20,000');
    expect(screen.getByTestId('figure-admitted')).toHaveTextContent('13,659');
    expect(screen.getByTestId('figure-redemption-rate')).toHaveTextContent('68.3%');
    expect(within(headline).getByText('100% of the entries offered')).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveAttribute('data-status', 'connecting');
    // The big table is not a live region.
    expect(screen.getByRole('table', { name: /Figures per attraction and day/ }).closest('[aria-live]')).toBeNull();

    await act(async () =>
      stream.send(`data: ${JSON.stringify({ ...stats, generatedAt: '2026-03-28T13:31:00Z', overall: { ...stats.overall, admitted: 13661 } })}\n\n`),
    );
    expect(await screen.findByText('13,661')).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    expect(screen.getByTestId('live-status')).toHaveTextContent(/^Live · figures of \d\d:\d\d:\d\d$/);
  });

  it('keeps the edition and the filters in the URL, and asks for the figures with them', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions/7/stats': () => json({ ...stats, editionId: 7 }),
      'GET /api/editions/1/stats': () => json(stats),
    });
    renderDashboard();
    await screen.findByTestId('headline');
    await userEvent.selectOptions(screen.getByLabelText('Edition'), 'grand-jour-2010');
    expect(screen.getByTestId('search')).toHaveTextContent('?edition=grand-jour-2010');
    await userEvent.selectOptions(screen.getByLabelText('Attractions in'), 'GB-KEN');
    await userEvent.selectOptions(screen.getByLabelText('Day'), '2010-03-28');
    expect(screen.getByTestId('search')).toHaveTextContent('?edition=grand-jour-2010&territory=GB-KEN&day=2010-03-28');
    await screen.findByTestId('headline');
    const urls = sentRequests(fetchMock).map((r) => new URL(r.url));
    expect(urls.some((u) => u.pathname === '/api/editions/7/stats' && u.search === '?day=2010-03-28&territory=GB-KEN')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getByTestId('search')).toHaveTextContent(/^\?edition=grand-jour-2010$/);
  });

  it('keeps a filter picked while the previous one is still loading (the URL is built from the latest filters)', async () => {
    const fetchMock = mockFetch({ 'GET /api/editions/1/stats': () => json(stats) });
    renderDashboard();
    await screen.findByTestId('headline');
    // Both changes before the first one's navigation renders: one act, so no render in between.
    act(() => {
      fireEvent.change(screen.getByLabelText('Attractions in'), { target: { value: 'GB-KEN' } });
      fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-03-29' } });
    });
    expect(screen.getByTestId('search')).toHaveTextContent(/^\?territory=GB-KEN&day=2026-03-29$/);
    await waitFor(() => {
      const last = new URL(sentRequests(fetchMock).at(-1)!.url);
      expect(last.search).toBe('?day=2026-03-29&territory=GB-KEN');
    });
  });

  it('shows an edition beside its twin (2010 as it was and with the tools), or beside none', async () => {
    const twin: Edition = {
      ...edition2010,
      id: 8,
      slug: 'grand-jour-2010-with-tools',
      name: 'Grand Jour 2010 · avec les outils',
      names: { fr: 'Grand Jour 2010 · avec les outils', en: 'Grand Jour 2010 · with the tools' },
    };
    const withTools = { ...stats, editionId: 8, overall: { ...stats.overall, admitted: 18200 } };
    mockFetch({
      'GET /api/editions/7/stats': () => json({ ...stats, editionId: 7 }),
      'GET /api/editions/8/stats': () => json(withTools),
      'GET /api/editions/1/stats': () => json(stats),
    });
    renderWithProviders(
      <Routes>
        <Route
          path="/dashboard"
          element={
            <>
              <Dashboard editions={[edition2010, twin, edition]} />
              <Search />
            </>
          }
        />
      </Routes>,
      { route: '/dashboard?edition=grand-jour-2010-with-tools' },
    );
    const table = await screen.findByTestId('comparison-table');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Figure',
      'Grand Jour 2010 · with the tools',
      'Grand Jour 2010',
    ]);
    const used = within(table).getByRole('row', { name: /Entries used ÷ entries offered/ });
    expect(within(used).getAllByRole('cell').map((c) => c.textContent)).toEqual(['91%', '68.3%']);
    const released = within(table).getByRole('row', { name: /Persons released by their holders/ });
    expect(within(released).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12', '12']);

    await userEvent.selectOptions(screen.getByLabelText('Compare with'), '');
    expect(screen.getByTestId('search')).toHaveTextContent('compare=none');
    expect(screen.queryByTestId('comparison-table')).not.toBeInTheDocument();
    expect(screen.getByText('Choose an edition to see its figures beside these.')).toBeInTheDocument();
  });

  it('shows the charts with text alternatives, the cross-border and verdict tables', async () => {
    mockFetch({ 'GET /api/editions/1/stats': () => json(stats) });
    renderDashboard('/dashboard?day=2026-03-28');
    expect(await screen.findByRole('img', { name: /^Persons offered, booked and admitted per attraction Bar chart of 3 attractions/ })).toBeInTheDocument();
    const arrivals = screen.getByRole('img', { name: /^Persons admitted per quarter of an hour, Saturday 28 March/ });
    expect(arrivals).toHaveAccessibleName(/65 persons admitted; the busiest quarter of an hour was 10:00–10:15 with 40 persons\.$/);
    const cross = screen.getByTestId('cross-border-table');
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(within(cross).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Kent', 'Pas-de-Calais cross-border', '120', '90', '75%'],
      ['Pas-de-Calais', 'Pas-de-Calais', '900', '620', '68.9%'],
    ]);
    const verdicts = screen.getByTestId('verdicts-table');
    expect(within(verdicts).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Attraction',
      'Admitted',
      'Already used',
      'Invalid',
      'Wrong attraction',
      'Wrong day',
      'Cancelled',
      'Offline conflicts',
    ]);
    // The attraction with a conflict comes first.
    expect(cells(within(verdicts).getAllByRole('row')[1]!)).toEqual(['Louvre-Lens', '300', '4', '0', '0', '0', '0', '1']);
  });
});
