import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { WalkUpPanel } from './walk-up-panel';

const open = {
  offerId: 11,
  opensAt: '2026-03-28T16:00:00Z',
  closesAt: '2026-03-28T17:00:00Z',
  open: true,
  placesLeft: 9,
  maxPartySize: 4,
};
const admitted = { walkUpId: 'x', ticketId: 90, code: 'ABCD-EFGH', offerId: 11, day: '2026-03-28', persons: 2, territory: 'GB-KEN', placesLeft: 7, replayed: false };

const posts = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method === 'POST');

describe('WalkUpPanel', () => {
  it('shows nothing at a door that takes no walk-ups today', async () => {
    const fetchMock = mockFetch({ 'GET /api/walk-ups/3': () => new Response(null, { status: 204 }) });
    const { container } = renderWithProviders(<WalkUpPanel attractionId={3} online />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });

  it('admits a party with its postcode, once, and says how many places are left', async () => {
    const fetchMock = mockFetch({ 'GET /api/walk-ups/3': () => json(open), 'POST /api/walk-ups': () => json(admitted) });
    renderWithProviders(<WalkUpPanel attractionId={3} online />);
    expect(await screen.findByText(/9 places free today for residents without a ticket/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'One person more' }));
    await userEvent.type(screen.getByLabelText('Their postcode'), ' CT1 2EH ');
    await userEvent.click(screen.getByRole('button', { name: 'Admit 2 persons' }));
    expect(await screen.findByTestId('walk-up-admitted')).toHaveTextContent('Admitted: 2 persons (GB-KEN). Places left: 7.');
    const body = (await posts(fetchMock)[0]!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ attractionId: 3, persons: 2, postcode: 'CT1 2EH' });
    expect(body.walkUpId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says why a postcode is refused, with the server’s detail', async () => {
    mockFetch({
      'GET /api/walk-ups/3': () => json(open),
      'POST /api/walk-ups': () =>
        problemJson(typedProblem('not-eligible', 403, 'Not eligible', { detail: 'Free entries are for residents of Pas-de-Calais, Kent.' }), 403),
    });
    renderWithProviders(<WalkUpPanel attractionId={3} online />);
    await userEvent.type(await screen.findByLabelText('Their postcode'), '75001');
    await userEvent.click(screen.getByRole('button', { name: 'Admit 1 person' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Not admitted: this postcode is not in the edition's territories.");
    expect(alert).toHaveTextContent('Free entries are for residents of Pas-de-Calais, Kent.');
  });

  it('sends the same walk-up again after a lost answer, and a new one after an answer', async () => {
    let calls = 0;
    const fetchMock = mockFetch({
      'GET /api/walk-ups/3': () => json(open),
      'POST /api/walk-ups': () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return json(admitted);
      },
    });
    renderWithProviders(<WalkUpPanel attractionId={3} online />);
    await userEvent.type(await screen.findByLabelText('Their postcode'), '62300');
    await userEvent.click(screen.getByRole('button', { name: 'Admit 1 person' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No answer from the server: nobody was admitted yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Admit 1 person' }));
    await screen.findByTestId('walk-up-admitted');
    await userEvent.type(screen.getByLabelText('Their postcode'), '62300');
    await userEvent.click(screen.getByRole('button', { name: 'Admit 1 person' }));
    await vi.waitFor(() => expect(posts(fetchMock)).toHaveLength(3));
    const ids = await Promise.all(posts(fetchMock).map(async (r) => ((await r.clone().json()) as { walkUpId: string }).walkUpId));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('tells when walk-ups start, and that they need the network, in French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'GET /api/walk-ups/3': () => json({ ...open, open: false }) });
    renderWithProviders(<WalkUpPanel attractionId={3} online={false} />);
    expect(await screen.findByText(/les places encore libres aujourd’hui \(9\) vont aux habitants sans billet/)).toBeInTheDocument();
  });

  it('cannot admit without the network', async () => {
    mockFetch({ 'GET /api/walk-ups/3': () => json(open) });
    renderWithProviders(<WalkUpPanel attractionId={3} online={false} />);
    await userEvent.type(await screen.findByLabelText('Their postcode'), '62300');
    expect(screen.getByRole('button', { name: 'Admit 1 person' })).toBeDisabled();
    expect(screen.getByText('Walk-ups need the network: the places are counted by the server.')).toBeInTheDocument();
  });
});
