import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { louvreLens, offer, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { StaffPanel } from './staff-panel';

const louvre = louvreLens.attraction;
const nausicaa = { ...offer({ id: 12 }).attraction, slug: 'nausicaa', name: { fr: 'Nausicaá', en: 'Nausicaá' } };

function staffRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/admin/staff': () => json([{ username: 'staff', attractionIds: [11] }]),
    'GET /api/admin/attractions': () => json([louvre, nausicaa]),
    ...extra,
  });
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method !== 'GET');

async function fillAccount() {
  await userEvent.click(await screen.findByRole('button', { name: 'New staff account' }));
  const form = screen.getByRole('form', { name: 'New door-staff account' });
  await userEvent.type(within(form).getByLabelText('Username'), 'door-7');
  await userEvent.type(within(form).getByLabelText('First name'), 'Ada');
  await userEvent.type(within(form).getByLabelText('Last name'), 'Lovelace');
  await userEvent.type(within(form).getByLabelText('Email'), 'ada@example.org');
  await userEvent.type(within(form).getByLabelText('Postcode'), '62300');
  await userEvent.type(within(form).getByLabelText('Temporary password'), 'Secret-123');
  await userEvent.click(within(form).getByRole('checkbox', { name: 'Nausicaá' }));
  await userEvent.click(within(form).getByRole('button', { name: 'Create the account' }));
  return form;
}

describe('StaffPanel', () => {
  it('lists the staff with the names of their attractions', async () => {
    staffRoutes();
    renderWithProviders(<StaffPanel />);
    const row = (await screen.findByRole('rowheader', { name: 'staff' })).closest('tr')!;
    expect(row).toHaveTextContent('Louvre-Lens');
  });

  it('assigns attractions with the checkboxes', async () => {
    const fetchMock = staffRoutes({
      'PUT /api/admin/staff/staff/attractions': () => json({ username: 'staff', attractionIds: [11, 12] }),
    });
    renderWithProviders(<StaffPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change attractions staff' }));
    const form = screen.getByRole('form', { name: 'Attractions of staff' });
    expect(within(form).getByRole('checkbox', { name: 'Louvre-Lens' })).toBeChecked();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Nausicaá' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Attractions of staff saved.')).toBeInTheDocument();
    expect(await posts(fetchMock)[0]!.clone().json()).toEqual({ attractionIds: [11, 12] });
  });

  it('creates an account and says so', async () => {
    const fetchMock = staffRoutes({
      'POST /api/admin/staff/accounts': () => json({ username: 'door-7', attractionIds: [12] }, 201),
    });
    renderWithProviders(<StaffPanel />);
    await fillAccount();
    expect(await screen.findByText('Account door-7 created.')).toBeInTheDocument();
    expect(await posts(fetchMock)[0]!.clone().json()).toEqual({
      username: 'door-7',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      postcode: '62300',
      temporaryPassword: 'Secret-123',
      attractionIds: [12],
    });
  });

  it('shows the detail of a 409 already-exists and keeps what was typed', async () => {
    staffRoutes({
      'POST /api/admin/staff/accounts': () => problemJson(typedProblem('already-exists', 409, 'User door-7 already exists'), 409),
    });
    renderWithProviders(<StaffPanel />);
    const form = await fillAccount();
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('This already exists.');
    expect(alert).toHaveTextContent('User door-7 already exists');
    expect(within(form).getByLabelText('Username')).toHaveValue('door-7');
  });

  it('shows the field errors of a 400 next to their fields', async () => {
    staffRoutes({
      'POST /api/admin/staff/accounts': () =>
        problemJson(
          typedProblem('validation-failed', 400, 'Invalid account', {
            errors: [{ field: 'createStaffAccount.input.email', message: 'must be a well-formed email address' }],
          }),
          400,
        ),
    });
    renderWithProviders(<StaffPanel />);
    const form = await fillAccount();
    expect(await within(form).findByRole('alert')).toHaveTextContent('Invalid account');
    const email = within(form).getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('must be a well-formed email address');
    expect(within(form).getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
  });

  it('shows what Keycloak said when it refuses (502)', async () => {
    staffRoutes({
      'POST /api/admin/staff/accounts': () => problemJson(typedProblem('keycloak-refused', 502, 'Keycloak answered 400'), 502),
    });
    renderWithProviders(<StaffPanel />);
    const form = await fillAccount();
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The server refused the change.');
    expect(alert).toHaveTextContent('Keycloak answered 400');
  });
});
