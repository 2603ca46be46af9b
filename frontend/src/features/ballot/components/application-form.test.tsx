import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { offer, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { fakeAuth, renderWithProviders } from '@/testing/test-utils';
import { application, ballotEdition, ballotOffers } from '../testing/fixtures';
import { ApplicationForm } from './application-form';

const resident = fakeAuth({ authenticated: true, username: 'resident', roles: ['resident'] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const offers = [
  ...ballotOffers,
  offer({ id: 13, day: '2026-03-29', attraction: { ...ballotOffers[0]!.attraction, id: 13, name: { fr: 'Arras', en: 'Arras' } } }),
];
const puts = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method === 'PUT');

function renderForm(props: Partial<Parameters<typeof ApplicationForm>[0]> = {}) {
  const onSaved = vi.fn();
  renderWithProviders(<ApplicationForm edition={ballotEdition} offers={offers} onSaved={onSaved} {...props} />, { auth: resident });
  return { onSaved };
}

async function addChoice(name: string) {
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Offer to add' }), screen.getByRole('option', { name }));
  await userEvent.click(screen.getByRole('button', { name: 'Add to my choices' }));
}

const ranking = () =>
  within(screen.getByRole('list', { name: 'Your choices, best first' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.ballot-choices__name')!.textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe('ApplicationForm', () => {
  it('ranks the choices with Move up / Move down from the keyboard, the focus following the moved choice', async () => {
    mockFetch({});
    renderForm();
    expect(screen.getByRole('combobox', { name: 'Number of people' })).toHaveFocus();
    await addChoice('Louvre-Lens, Saturday 28 March');
    await addChoice('Base 11/19, Saturday 28 March');
    await addChoice('Arras, Sunday 29 March');
    expect(ranking()).toEqual(['Louvre-Lens, Saturday 28 March', 'Base 11/19, Saturday 28 March', 'Arras, Sunday 29 March']);
    // maxChoices (3) reached: nothing more to add
    expect(screen.queryByRole('combobox', { name: 'Offer to add' })).not.toBeInTheDocument();
    expect(screen.getByText('You have chosen the most offers allowed (3).')).toBeInTheDocument();

    const up = screen.getByRole('button', { name: 'Move up Arras, Sunday 29 March' });
    up.focus();
    await userEvent.keyboard('{Enter}');
    expect(ranking()).toEqual(['Louvre-Lens, Saturday 28 March', 'Arras, Sunday 29 March', 'Base 11/19, Saturday 28 March']);
    expect(screen.getByRole('button', { name: 'Move up Arras, Sunday 29 March' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Arras, Sunday 29 March is now choice 2 of 3.');

    await userEvent.keyboard('{Enter}'); // now first: the focus goes to its Move down button
    expect(ranking()[0]).toBe('Arras, Sunday 29 March');
    expect(screen.getByRole('button', { name: 'Move up Arras, Sunday 29 March' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move down Arras, Sunday 29 March' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Remove Louvre-Lens, Saturday 28 March' }));
    expect(ranking()).toEqual(['Arras, Sunday 29 March', 'Base 11/19, Saturday 28 March']);
    expect(screen.getByRole('button', { name: 'Remove Base 11/19, Saturday 28 March' })).toHaveFocus();
  });

  it('asks for at least one choice before sending anything', async () => {
    const fetchMock = mockFetch({});
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Send my application' }));
    expect(screen.getByText('Choose at least one offer.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Offer to add' })).toHaveFocus();
    expect(puts(fetchMock)).toHaveLength(0);
  });

  it('sends the party, the ranked choices and "any other" with a fresh Idempotency-Key', async () => {
    const fetchMock = mockFetch({
      'PUT /api/editions/1/my-application': async (r) => json(application({ ...(await r.clone().json()) }), 201),
    });
    const { onSaved } = renderForm();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Number of people' }), '3');
    await addChoice('Base 11/19, Saturday 28 March');
    await addChoice('Louvre-Lens, Saturday 28 March');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Also give me any other offer of the same day with places left' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send my application' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [request] = puts(fetchMock);
    expect(request!.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(await request!.clone().json()).toEqual({ partySize: 3, choices: [12, 11], anyOtherSameDay: true });
  });

  it('starts from the application being changed, and shows a refusal in an alert that gets the focus', async () => {
    let answer!: (r: Response) => void;
    mockFetch({ 'PUT /api/editions/1/my-application': () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderForm({ application: application({ partySize: 2, choices: [12, 11], anyOtherSameDay: true }) });
    expect(screen.getByRole('combobox', { name: 'Number of people' })).toHaveValue('2');
    expect(ranking()).toEqual(['Base 11/19, Saturday 28 March', 'Louvre-Lens, Saturday 28 March']);
    expect(screen.getByRole('checkbox', { name: /any other offer/ })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Save my changes' }));
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    await act(async () =>
      answer(problemJson(typedProblem('application-window-closed', 409, 'Applications closed at 2026-03-15T23:00:00Z.'), 409)),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Applications are closed.');
    expect(within(alert).getByText('Applications closed at 2026-03-15T23:00:00Z.')).toHaveAttribute('lang', 'en');
    expect(alert).toHaveFocus();
  });

  it('sends an application that got no answer again with the same key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    const fetchMock = mockFetch({
      'PUT /api/editions/1/my-application': () => {
        calls += 1;
        if (calls <= 3) throw new TypeError('Failed to fetch');
        return json(application({ choices: [11] }), 200); // the replay of the one that went through
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { onSaved } = renderForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Offer to add' }), screen.getByRole('option', { name: 'Louvre-Lens, Saturday 28 March' }));
    await user.click(screen.getByRole('button', { name: 'Add to my choices' }));
    await user.click(screen.getByRole('button', { name: 'Send my application' }));
    await act(() => vi.advanceTimersByTimeAsync(5000)); // the two automatic retries
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached');
    expect(puts(fetchMock)).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Send my application' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(new Set(puts(fetchMock).map((r) => r.headers.get('Idempotency-Key'))).size).toBe(1);
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({});
    renderForm();
    expect(screen.getByRole('heading', { name: 'Candidater au tirage au sort' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Offre à ajouter' }), screen.getByRole('option', { name: 'Louvre-Lens, samedi 28 mars' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter à mes choix' }));
    expect(screen.getByRole('button', { name: 'Monter Louvre-Lens, samedi 28 mars' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Envoyer ma candidature' })).toBeEnabled();
  });
});
