import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { kent, pasDeCalais, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { TerritoriesPanel } from './territories-panel';

const puts = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method === 'PUT');

describe('TerritoriesPanel', () => {
  it('lists the territories with their postcode rule', async () => {
    mockFetch({ 'GET /api/territories': () => json([pasDeCalais, kent]) });
    renderWithProviders(<TerritoriesPanel />);
    const row = (await screen.findByRole('rowheader', { name: 'GB-KEN' })).closest('tr')!;
    expect(row).toHaveTextContent('Europe/London');
    expect(within(row).getByText('^(CT|ME|TN|DA|BR)\\d')).toBeInTheDocument();
  });

  it('tests a postcode: "CT1 2EH → Kent", then one that matches no territory', async () => {
    const fetchMock = mockFetch({
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'GET /api/territories/match': (request) => {
        const postcode = new URL(request.url).searchParams.get('postcode')!;
        return postcode.startsWith('CT') ? json({ postcode: 'CT1 2EH', territory: kent }) : json({ postcode: '75001', territory: null });
      },
    });
    renderWithProviders(<TerritoriesPanel />);
    const box = screen.getByRole('region', { name: 'Test a postcode' });
    await userEvent.type(within(box).getByLabelText('Postcode'), 'CT1 2EH{Enter}');
    expect(await within(box).findByText('CT1 2EH → Kent')).toHaveAttribute('role', 'status');
    const match = sentRequests(fetchMock).find((r) => r.url.includes('/match'))!;
    expect(new URL(match.url).searchParams.get('postcode')).toBe('CT1 2EH');

    await userEvent.clear(within(box).getByLabelText('Postcode'));
    await userEvent.type(within(box).getByLabelText('Postcode'), '75001');
    await userEvent.click(within(box).getByRole('button', { name: 'Test' }));
    expect(await within(box).findByText('75001 → no territory')).toBeInTheDocument();
  });

  it('edits a territory: sends TerritoryInput to its code and says it is saved', async () => {
    const fetchMock = mockFetch({
      'GET /api/territories': () => json([pasDeCalais, kent]),
      'PUT /api/admin/territories/GB-KEN': () => json({ ...kent, timeZone: 'Europe/London' }),
    });
    renderWithProviders(<TerritoriesPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit GB-KEN' }));
    const form = screen.getByRole('form', { name: 'Edit territory GB-KEN' });
    const name = within(form).getByLabelText('Name in French');
    await userEvent.clear(name);
    await userEvent.type(name, 'Comté de Kent');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Territory GB-KEN saved.')).toBeInTheDocument();
    expect(await puts(fetchMock)[0]!.clone().json()).toEqual({
      nameFr: 'Comté de Kent',
      nameEn: 'Kent',
      country: 'GB',
      language: 'en',
      timeZone: 'Europe/London',
      postcodePattern: '^(CT|ME|TN|DA|BR)\\d',
    });
  });

  it('creates a territory and shows each field error of a 400 next to its field, in French too', async () => {
    await i18n.changeLanguage('fr');
    const fetchMock = mockFetch({
      'GET /api/territories': () => json([pasDeCalais]),
      'PUT /api/admin/territories/FR-59': () =>
        problemJson(
          typedProblem('validation-failed', 400, 'Invalid territory', {
            errors: [
              { field: 'saveTerritory.input.postcodePattern', message: 'is not a valid regular expression' },
              { field: 'timeZone', message: 'unknown time zone' },
            ],
          }),
          400,
        ),
    });
    renderWithProviders(<TerritoriesPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau territoire' }));
    const form = screen.getByRole('form', { name: 'Nouveau territoire' });
    await userEvent.type(within(form).getByLabelText('Code'), 'FR-59');
    await userEvent.type(within(form).getByLabelText('Nom en français'), 'Nord');
    await userEvent.type(within(form).getByLabelText('Motif des codes postaux'), '^59[[');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Certains champs ne sont pas valides');
    expect(alert).toHaveTextContent('Invalid territory');
    const pattern = within(form).getByLabelText('Motif des codes postaux');
    expect(pattern).toHaveAttribute('aria-invalid', 'true');
    expect(pattern).toHaveAccessibleDescription(expect.stringContaining('is not a valid regular expression'));
    expect(within(form).getByLabelText('Fuseau horaire')).toHaveAccessibleDescription(expect.stringContaining('unknown time zone'));
    expect(within(form).getByLabelText('Nom en français')).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByLabelText('Motif des codes postaux')).toHaveValue('^59[');
    expect(puts(fetchMock)).toHaveLength(1);
  });
});
