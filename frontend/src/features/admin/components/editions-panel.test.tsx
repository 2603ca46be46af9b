import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { edition, kent, pasDeCalais, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { EditionsPanel } from './editions-panel';

const writes = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method !== 'GET');

describe('EditionsPanel', () => {
  it('edits an edition: sends EditionInput with numbers, territory codes and the times picked in the edition’s zone', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'PUT /api/admin/editions/1': () => json({ ...edition, maxPartySize: 5 }),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Grand Jour 2026' }));
    const form = screen.getByRole('form', { name: 'Edit Grand Jour 2026' });
    // 08:00 UTC is 09:00 in Paris, where the edition counts its days
    expect(within(form).getByLabelText('Claims open at')).toHaveValue('2026-03-01T09:00');
    expect(within(form).getByLabelText('Claims open at')).toHaveAccessibleDescription("Date and time in the edition's time zone (Europe/Paris)");
    fireEvent.change(within(form).getByLabelText('Claims close at'), { target: { value: '2026-03-27T23:59' } });
    await userEvent.type(within(form).getByLabelText('Walk-ups at the door (minutes before closing)'), '60');
    await userEvent.clear(within(form).getByLabelText('Persons per ticket at most'));
    await userEvent.type(within(form).getByLabelText('Persons per ticket at most'), '5');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Kent (GB-KEN)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Grand Jour 2026 saved.')).toBeInTheDocument();
    expect(await writes(fetchMock)[0]!.clone().json()).toEqual({
      slug: 'grand-jour-2026',
      name: 'Grand Jour 2026',
      timeZone: 'Europe/Paris',
      firstDay: '2026-03-28',
      lastDay: '2026-03-29',
      claimOpensAt: '2026-03-01T08:00:00.000Z',
      claimClosesAt: '2026-03-27T22:59:00.000Z',
      maxTicketsPerResident: 2,
      maxPartySize: 5,
      territories: ['FR-62'],
      allocationMode: 'FIRST_COME',
      walkUpMinutes: 60,
    });
  });

  it('sets a confirmation deadline (days before the visit, a time of day) and an overbooking risk', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'PUT /api/admin/editions/1': () => json({ ...edition, confirmDaysBefore: 1, confirmAtTime: '18:00:00' }),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Grand Jour 2026' }));
    const form = screen.getByRole('form', { name: 'Edit Grand Jour 2026' });
    expect(within(form).getByRole('group', { name: 'Confirmation deadline (optional)' })).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Days before the visit'), '1');
    await userEvent.type(within(form).getByLabelText('At (time of day)'), '18:00');
    await userEvent.type(within(form).getByLabelText('Overbooking risk (%, optional)'), '1');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Grand Jour 2026 saved.')).toBeInTheDocument();
    expect(await writes(fetchMock)[0]!.clone().json()).toMatchObject({ confirmDaysBefore: 1, confirmAtTime: '18:00', overbookingRisk: 1 });
  });

  it('shows the 422 of a half-set deadline', async () => {
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'PUT /api/admin/editions/1': () =>
        problemJson(
          typedProblem(
            'invalid-confirmation-deadline',
            422,
            'confirmDaysBefore and confirmAtTime go together: give both for a deadline, neither for none.',
          ),
          422,
        ),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Grand Jour 2026' }));
    const form = screen.getByRole('form', { name: 'Edit Grand Jour 2026' });
    await userEvent.type(within(form).getByLabelText('Days before the visit'), '2');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toBeInTheDocument();
    expect(within(form).getByLabelText('Days before the visit')).toHaveValue(2);
  });

  it('turns an edition into a ballot: window, draw, choices, public value and territory shares', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'PUT /api/admin/editions/1': () => json({ ...edition, allocationMode: 'BALLOT' }),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Grand Jour 2026' }));
    const form = screen.getByRole('form', { name: 'Edit Grand Jour 2026' });
    expect(within(form).queryByLabelText('Draw at')).not.toBeInTheDocument();
    await userEvent.selectOptions(within(form).getByLabelText('How places are allocated'), 'BALLOT');
    fireEvent.change(within(form).getByLabelText('Applications open at'), { target: { value: '2026-03-01T09:00' } });
    fireEvent.change(within(form).getByLabelText('Applications close at'), { target: { value: '2026-03-20T19:00' } });
    fireEvent.change(within(form).getByLabelText('Draw at'), { target: { value: '2026-03-21T19:00' } });
    await userEvent.type(within(form).getByLabelText(/^Public value for the draw/), 'EuroMillions draw of 2026-03-20');
    await userEvent.type(within(form).getByLabelText("Share of each offer's places for FR-62 (%)"), '60');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Grand Jour 2026 saved.')).toBeInTheDocument();
    expect(await writes(fetchMock)[0]!.clone().json()).toMatchObject({
      allocationMode: 'BALLOT',
      applicationOpensAt: '2026-03-01T08:00:00.000Z',
      applicationClosesAt: '2026-03-20T18:00:00.000Z',
      drawAt: '2026-03-21T18:00:00.000Z',
      maxChoices: 5,
      publicValueSource: 'EuroMillions draw of 2026-03-20',
      territoryShares: [{ territory: 'FR-62', percent: 60 }],
    });
  });

  it('shows the field errors of a 400 next to their fields', async () => {
    mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'POST /api/admin/editions': () =>
        problemJson(
          typedProblem('validation-failed', 400, 'Invalid edition', {
            errors: [{ field: 'createEdition.input.lastDay', message: 'must not be before the first day' }],
          }),
          400,
        ),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'New edition' }));
    const form = screen.getByRole('form', { name: 'New edition' });
    // times missing: said by their fields before anything is sent
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByLabelText('Claims open at')).toHaveAccessibleDescription(
      "Date and time in the edition's time zone (Europe/Paris) Give a date and a time (in Europe/Paris).",
    );
    fireEvent.change(within(form).getByLabelText('Claims open at'), { target: { value: '2027-03-01T09:00' } });
    fireEvent.change(within(form).getByLabelText('Claims close at'), { target: { value: '2027-03-20T18:00' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Invalid edition');
    const lastDay = within(form).getByLabelText('Last day');
    expect(lastDay).toHaveAttribute('aria-invalid', 'true');
    expect(lastDay).toHaveAccessibleDescription('must not be before the first day');
  });
});

describe('EditionsPanel offers', () => {
  it('adds an offer; a 409 (one exists that day) shows the server’s detail', async () => {
    const attraction = {
      id: 11,
      slug: 'louvre-lens',
      name: { fr: 'Louvre-Lens', en: 'Louvre-Lens' },
      description: { fr: '', en: '' },
      category: 'MUSEUM' as const,
      territory: pasDeCalais,
      address: '99 rue Paul Bert',
      town: 'Lens',
      postcode: '62300',
      accessibility: { fr: '', en: '' },
      active: true,
    };
    const fetchMock = mockFetch({
      'GET /api/editions': () => json([edition]),
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'GET /api/admin/attractions': () => json([attraction]),
      'POST /api/admin/editions/1/offers': () =>
        problemJson(typedProblem('already-exists', 409, 'Louvre-Lens already has an offer on 2026-03-29'), 409),
    });
    renderWithProviders(<EditionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add an offer Grand Jour 2026' }));
    const form = screen.getByRole('form', { name: 'New offer in Grand Jour 2026' });
    await userEvent.selectOptions(within(form).getByLabelText('Day'), '2026-03-29');
    await userEvent.clear(within(form).getByLabelText('Capacity (persons)'));
    await userEvent.type(within(form).getByLabelText('Capacity (persons)'), '30');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the offer' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('This already exists.');
    expect(alert).toHaveTextContent('Louvre-Lens already has an offer on 2026-03-29');
    expect(await writes(fetchMock)[0]!.clone().json()).toEqual({ attractionId: 11, day: '2026-03-29', capacity: 30 });
  });
});
