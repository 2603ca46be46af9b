import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { louvreLens, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { CapacityForm } from './capacity-form';

const DETAIL = '4 persons are already booked for Louvre-Lens on 2026-03-28: the capacity cannot go below 4.';
const PATH = '/api/admin/offers/11/capacity';

function renderForm(capacity = 20) {
  return renderWithProviders(<CapacityForm editionId={1} offerId={11} capacity={capacity} label="Louvre-Lens, Saturday 28 March" />);
}

const field = () => screen.getByRole('spinbutton', { name: 'Capacity of Louvre-Lens, Saturday 28 March' });
const save = () => screen.getByRole('button', { name: /^(Save|Saving…) the capacity of Louvre-Lens, Saturday 28 March$/ });
const puts = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method === 'PUT');

describe('CapacityForm', () => {
  it('shows the current capacity in a labelled number field', () => {
    mockFetch({});
    renderForm(20);
    expect(field()).toHaveValue(20);
    expect(field()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('on 409 capacity-below-booked, shows the server’s detail in an alert by the field and keeps the value', async () => {
    const fetchMock = mockFetch({
      [`PUT ${PATH}`]: () => problemJson(typedProblem('capacity-below-booked', 409, DETAIL), 409),
    });
    renderForm(20);
    await userEvent.clear(field());
    await userEvent.type(field(), '3');
    await userEvent.click(save());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The capacity cannot go below what is already booked.');
    expect(within(alert).getByText(DETAIL)).toHaveAttribute('lang', 'en');
    expect(field()).toHaveValue(3);
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(expect.stringContaining(DETAIL));
    expect(field()).toHaveFocus();

    const [request] = puts(fetchMock);
    expect(await request!.clone().json()).toEqual({ capacity: 3 });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('saves a valid capacity, says so, and refreshes the figures and the places left', async () => {
    let answer!: (response: Response) => void;
    mockFetch({
      [`PUT ${PATH}`]: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { queryClient } = renderForm(20);
    queryClient.setQueryData(['editions', 1, 'stats', {}], { editionId: 1 });
    queryClient.setQueryData(['editions', 1, 'offers', {}], []);
    await userEvent.clear(field());
    await userEvent.type(field(), '25');
    await userEvent.click(save());
    expect(save()).toHaveTextContent('Saving…');
    expect(save()).toHaveAttribute('aria-disabled', 'true');

    await act(async () => answer(json({ ...louvreLens, capacity: 25, remaining: 12 })));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(queryClient.getQueryState(['editions', 1, 'stats', {}])?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['editions', 1, 'offers', {}])?.isInvalidated).toBe(true);
  });

  it('refuses a value that is not a whole number from 0 to 100,000 without asking the server', async () => {
    const fetchMock = mockFetch({});
    renderForm(20);
    await userEvent.clear(field());
    await userEvent.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a whole number of persons from 0 to 100,000.');
    await userEvent.type(field(), '100001');
    await userEvent.click(save());
    expect(screen.getByRole('alert')).toHaveTextContent('from 0 to 100,000');
    expect(puts(fetchMock)).toHaveLength(0);
  });

  it('shows the field error of a 400 validation-failed, in French too', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({
      [`PUT ${PATH}`]: () =>
        problemJson(
          typedProblem('validation-failed', 400, 'Invalid input', { errors: [{ field: 'capacity', message: 'must be at most 100000' }] }),
          400,
        ),
    });
    renderForm(20);
    const input = screen.getByRole('spinbutton', { name: 'Capacité de Louvre-Lens, Saturday 28 March' });
    await userEvent.clear(input);
    await userEvent.type(input, '99999');
    await userEvent.click(screen.getByRole('button', { name: /^Enregistrer/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Saisissez un nombre entier de personnes de 0 à');
    expect(alert).toHaveTextContent('must be at most 100000');
  });

  it('says when the server cannot be reached', async () => {
    mockFetch({
      [`PUT ${PATH}`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderForm(20);
    await userEvent.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached: the capacity has not changed.');
  });

  it('follows the live capacity while untouched', () => {
    mockFetch({});
    const { rerender } = renderForm(20);
    rerender(<CapacityForm editionId={1} offerId={11} capacity={30} label="Louvre-Lens, Saturday 28 March" />);
    expect(field()).toHaveValue(30);
  });
});
