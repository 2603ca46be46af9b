import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { base1119, edition, louvreLens, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import type { WaitlistEntry } from '../api/get-my-waitlist';
import { BEFORE, entry } from '../testing/entries';
import type { ComponentProps } from 'react';
import { useAuth } from '@/lib/auth';
import { useMyWaitlist, waitlistUser } from '../api/get-my-waitlist';
import { WaitlistOffer } from './waitlist-offer';

/** The card's waiting list as the offers page gives it: with the logged-in resident's entries, read once. */
function CardWaitlist(props: Omit<ComponentProps<typeof WaitlistOffer>, 'entries'>) {
  const entries = useMyWaitlist(waitlistUser(useAuth())).data;
  return <WaitlistOffer {...props} entries={entries} />;
}

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });
const JOIN = /^Join the waiting list for Base 11\/19, Saturday,? 28 March$/;

/** The server's list of the user's entries, which joining and leaving change. */
function server(initial: WaitlistEntry[] = [], bodies: unknown[] = []) {
  let entries = initial;
  return mockFetch({
    'GET /api/me/waitlist': () => json(entries),
    'POST /api/offers/12/waitlist': async (request) => {
      const body = (await request.json()) as { partySize: number };
      bodies.push(body);
      const { partySize } = body;
      const joined = entry({ id: 7, partySize, position: 3, personsAhead: 5 });
      entries = [joined];
      return json(joined, 201);
    },
    'DELETE /api/offers/12/waitlist': () => {
      entries = entries.map((e) => ({ ...e, status: 'LEFT' }));
      return new Response(null, { status: 204 });
    },
  });
}

describe('WaitlistOffer', () => {
  it('joins a sold-out offer with a party size, says the position, then leaves the list', async () => {
    const bodies: unknown[] = [];
    const fetchMock = server([], bodies);
    renderWithProviders(<CardWaitlist offer={base1119} edition={edition} eligible holdsTicket={false} now={BEFORE} />, {
      auth: resident,
    });
    const button = await screen.findByRole('button', { name: JOIN });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const select = screen.getByRole('combobox', { name: 'Number of people' });
    expect(select).toHaveFocus();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['1 person', '2 people', '3 people', '4 people']);
    await userEvent.selectOptions(select, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Join the list for 3 people' }));

    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('You are 3rd on the waiting list (5 people ahead)'));
    expect(status).toHaveFocus();
    const post = sentRequests(fetchMock).find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/offers/12/waitlist');
    expect(bodies).toEqual([{ partySize: 3 }]);

    await userEvent.click(screen.getByRole('button', { name: /^Leave the list for Base 11\/19, Saturday,? 28 March$/ }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('You have left the waiting list.'));
    expect(screen.getByRole('button', { name: JOIN })).toHaveFocus();
    expect(sentRequests(fetchMock).some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('closes the form and gives the focus back to its button', async () => {
    server();
    renderWithProviders(<CardWaitlist offer={base1119} edition={edition} holdsTicket={false} now={BEFORE} />, { auth: resident });
    const button = await screen.findByRole('button', { name: JOIN });
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('shows a refusal with the problem alert, focused', async () => {
    mockFetch({
      'GET /api/me/waitlist': () => json([]),
      'POST /api/offers/12/waitlist': () =>
        problemJson(typedProblem('places-left', 409, '2 places are left for 2026-03-28: claim them instead of waiting.'), 409),
    });
    const { rerender } = renderWithProviders(
      <CardWaitlist offer={base1119} edition={edition} holdsTicket={false} now={BEFORE} />,
      { auth: resident },
    );
    await userEvent.click(await screen.findByRole('button', { name: JOIN }));
    await userEvent.click(screen.getByRole('button', { name: 'Join the list for 1 person' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Places are left for this day: claim them instead of waiting.');
    expect(alert).toHaveTextContent('2 places are left for 2026-03-28');
    expect(alert).toHaveAttribute('data-problem', 'places-left');
    expect(alert).toHaveFocus();
    // The offers refreshed (places came back): the refusal stays until the form is closed.
    rerender(<CardWaitlist offer={{ ...base1119, remaining: 2 }} edition={edition} holdsTicket={false} now={BEFORE} />);
    expect(screen.getByRole('alert')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    // then the claim action, beside it on the card, offers the places
    expect(screen.queryByRole('button', { name: JOIN })).not.toBeInTheDocument();
  });

  it('shows the position of a party already waiting, even with places left (its party does not fit), in French', async () => {
    await i18n.changeLanguage('fr');
    const waiting = entry({ id: 3, offer: { ...louvreLens, remaining: 1 }, position: 1, personsAhead: 0, partySize: 4 });
    mockFetch({ 'GET /api/me/waitlist': () => json([waiting]) });
    renderWithProviders(
      <CardWaitlist offer={{ ...louvreLens, remaining: 1 }} edition={edition} holdsTicket={false} now={BEFORE} />,
      { auth: resident },
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Vous êtes 1er sur la liste d’attente (personne devant vous)');
    expect(screen.getByRole('button', { name: /^Quitter la liste pour Louvre-Lens, samedi 28 mars$/ })).toBeInTheDocument();
  });

  it('says a refused leave (no longer waiting)', async () => {
    mockFetch({
      'GET /api/me/waitlist': () => json([entry({ id: 3 })]),
      'DELETE /api/offers/12/waitlist': () => problemJson(typedProblem('not-found', 404, 'Waiting-list entry for offer 12'), 404),
    });
    renderWithProviders(<CardWaitlist offer={base1119} edition={edition} holdsTicket={false} now={BEFORE} />, { auth: resident });
    await userEvent.click(await screen.findByRole('button', { name: /^Leave the list/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^You are no longer on this waiting list/);
  });

  it('shows nothing with places left, in a ballot edition, to an outsider, to a holder, when logged out, once opened, once served', async () => {
    const fetchMock = mockFetch({
      'GET /api/me/waitlist': () => json([entry({ id: 9, status: 'SERVED', ticketId: 55, offer: { ...base1119, id: 13 } })]),
    });
    const { container } = renderWithProviders(
      <>
        <CardWaitlist offer={louvreLens} edition={edition} holdsTicket={false} now={BEFORE} />
        <CardWaitlist offer={base1119} edition={{ ...edition, allocationMode: 'BALLOT' }} holdsTicket={false} now={BEFORE} />
        <CardWaitlist offer={base1119} edition={edition} eligible={false} holdsTicket={false} now={BEFORE} />
        <CardWaitlist offer={base1119} edition={edition} holdsTicket now={BEFORE} />
        <CardWaitlist offer={base1119} edition={edition} now={BEFORE} />
        <CardWaitlist offer={base1119} edition={edition} holdsTicket={false} now={Date.parse('2026-03-28T09:30:00Z')} />
        <CardWaitlist offer={{ ...base1119, id: 13 }} edition={edition} holdsTicket={false} now={BEFORE} />
      </>,
      { auth: resident },
    );
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it('asks nothing of the server for an account that is not a resident (organiser, staff)', () => {
    const fetchMock = mockFetch({});
    const organiser = fakeAuth({ authenticated: true, username: 'organiser', roles: ['organiser'] });
    const { container } = renderWithProviders(
      <CardWaitlist offer={base1119} edition={edition} holdsTicket={false} now={BEFORE} />,
      { auth: organiser },
    );
    expect(container).toBeEmptyDOMElement();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks nothing of the server when logged out', () => {
    const fetchMock = mockFetch({});
    const { container } = renderWithProviders(<CardWaitlist offer={base1119} edition={edition} holdsTicket={false} />);
    expect(container).toBeEmptyDOMElement();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
