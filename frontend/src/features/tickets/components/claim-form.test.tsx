import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from '@/lib/router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { activeTicket, edition, louvreLens, offer, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { ClaimForm } from './claim-form';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function renderForm(claimed = louvreLens, maxPartySize = edition.maxPartySize, now?: number) {
  const onClose = vi.fn();
  const result = renderWithProviders(
    <Routes>
      <Route path="/" element={<ClaimForm offer={claimed} maxPartySize={maxPartySize} onClose={onClose} now={now} />} />
      <Route path="/tickets/:id" element={<p>Ticket page</p>} />
    </Routes>,
    { auth: resident },
  );
  return { ...result, onClose };
}

const partySizeSelect = () => screen.getByRole('combobox', { name: 'Number of people' });
const optionValues = () => within(partySizeSelect()).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
const claimRequests = (fetchMock: ReturnType<typeof mockFetch>) =>
  sentRequests(fetchMock).filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/tickets');

afterEach(() => {
  vi.useRealTimers();
});

describe('ClaimForm', () => {
  it('warns before a claim for today (the edition\'s day) that it cannot be given back, and only then', () => {
    mockFetch({});
    // 28 March 2026, 00:30 in Paris (still the 27th in UTC): the Louvre-Lens offer is for today.
    const { unmount } = renderForm(louvreLens, 4, Date.parse('2026-03-27T23:30:00Z'));
    const warning = screen.getByTestId('claim-today');
    expect(warning).toHaveTextContent('This is for today. Once claimed, this ticket can be given back only until the attraction opens today, at 10:00.');
    expect(screen.getByRole('button', { name: /Confirm/ })).toHaveAccessibleDescription(/This is for today/);
    unmount();
    renderForm(louvreLens, 4, Date.parse('2026-03-27T22:30:00Z')); // 23:30 on the 27th in Paris
    expect(screen.queryByTestId('claim-today')).not.toBeInTheDocument();
  });

  it('offers 1 to the edition’s party size, starting at 1, focused', () => {
    mockFetch({});
    renderForm(offer({ id: 11, remaining: 50 }), 4);
    expect(optionValues()).toEqual(['1', '2', '3', '4']);
    expect(partySizeSelect()).toHaveValue('1');
    expect(partySizeSelect()).toHaveFocus();
    expect(screen.getByText('Including you: 1 to 4 people.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm 1 free entry' })).toBeEnabled();
  });

  it('never offers more than the places left', () => {
    mockFetch({});
    renderForm(offer({ id: 11, remaining: 3 }), 6);
    expect(optionValues()).toEqual(['1', '2', '3']);
  });

  it('lowers the party size when the places left drop below it', async () => {
    mockFetch({});
    const { rerender } = renderForm(offer({ id: 11, remaining: 5 }), 6);
    await userEvent.selectOptions(partySizeSelect(), '4');
    expect(screen.getByRole('button', { name: 'Confirm 4 free entries' })).toBeInTheDocument();

    rerender(
      <Routes>
        <Route path="/" element={<ClaimForm offer={offer({ id: 11, remaining: 2 })} maxPartySize={6} onClose={() => {}} />} />
      </Routes>,
    );
    expect(optionValues()).toEqual(['1', '2']);
    expect(partySizeSelect()).toHaveValue('2');
  });

  it('claims with a fresh Idempotency-Key, disabled while it waits, then shows the ticket', async () => {
    let answer!: (response: Response) => void;
    const fetchMock = mockFetch({
      'POST /api/tickets': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    renderForm();
    await userEvent.selectOptions(partySizeSelect(), '2');
    const confirm = screen.getByRole('button', { name: 'Confirm 2 free entries' });
    await userEvent.click(confirm);

    expect(confirm).toBeDisabled();
    expect(confirm).toHaveTextContent('Claiming…');
    expect(screen.getByRole('button', { name: 'Close' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Claiming…');
    await userEvent.click(confirm); // a second click does nothing
    expect(claimRequests(fetchMock)).toHaveLength(1);

    const [request] = claimRequests(fetchMock);
    expect(request!.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(await request!.clone().json()).toEqual({ offerId: 11, partySize: 2 });

    await act(async () => answer(json({ ...activeTicket, partySize: 2 }, 201)));
    expect(await screen.findByText('Ticket page')).toBeInTheDocument();
  });

  it('shows why a sold-out claim failed in an alert that gets the focus, and keeps the form', async () => {
    const detail = 'Only 1 place left at Louvre-Lens on 2026-03-28: not enough for a party of 2.';
    const fetchMock = mockFetch({
      'POST /api/tickets': () => problemJson(typedProblem('sold-out', 409, detail), 409),
    });
    renderForm();
    await userEvent.selectOptions(partySizeSelect(), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm 2 free entries' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not enough places are left for your party.');
    expect(within(alert).getByText(detail)).toHaveAttribute('lang', 'en');
    expect(alert).toHaveFocus();
    expect(partySizeSelect()).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Confirm 2 free entries' })).toBeEnabled();

    // A refusal is final: trying again is a new attempt, with a new key.
    await userEvent.click(screen.getByRole('button', { name: 'Confirm 2 free entries' }));
    await screen.findByRole('alert');
    const [first, second] = claimRequests(fetchMock);
    expect(second!.headers.get('Idempotency-Key')).not.toBe(first!.headers.get('Idempotency-Key'));
  });

  it('sends a claim that got no answer again with the same key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    const fetchMock = mockFetch({
      'POST /api/tickets': () => {
        calls += 1;
        if (calls <= 3) throw new TypeError('Failed to fetch');
        return json(activeTicket, 200); // the replay of the claim that went through
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Confirm 1 free entry' }));
    await act(() => vi.advanceTimersByTimeAsync(5000)); // the two automatic retries

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server cannot be reached, so your claim may not have arrived.');
    expect(claimRequests(fetchMock)).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Confirm 1 free entry' }));
    expect(await screen.findByText('Ticket page')).toBeInTheDocument();
    const keys = new Set(claimRequests(fetchMock).map((r) => r.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
  });

  it('offers to log in again when the session has ended, in French too', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'POST /api/tickets': () => problemJson(typedProblem('unauthenticated', 401, 'Log in first.'), 401) });
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer 1 entrée gratuite' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Votre session a expiré.');
    expect(within(alert).getByRole('button', { name: 'Se connecter' })).toBeInTheDocument();
  });
});
