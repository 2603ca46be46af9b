import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { kent, louvreLens, pasDeCalais, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AttractionsPanel } from './attractions-panel';

const louvre = louvreLens.attraction;
const closed = { ...louvre, id: 13, slug: 'old-mill', name: { fr: 'Vieux moulin', en: 'Old mill' }, active: false };
const writes = (fetchMock: ReturnType<typeof mockFetch>) => sentRequests(fetchMock).filter((r) => r.method !== 'GET');

function routes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/admin/attractions': () => json([louvre, closed]),
    'GET /api/territories': () => json([pasDeCalais, kent]),
    ...extra,
  });
}

describe('AttractionsPanel', () => {
  it('lists every attraction, inactive ones included', async () => {
    routes();
    renderWithProviders(<AttractionsPanel />);
    expect((await screen.findByRole('rowheader', { name: 'Old mill' })).closest('tr')).toHaveTextContent('Inactive');
    expect(screen.getByRole('rowheader', { name: 'Louvre-Lens' }).closest('tr')).toHaveTextContent('Active');
  });

  it('switches an attraction back on by saving it with active: true', async () => {
    const fetchMock = routes({ 'PUT /api/admin/attractions/13': () => json({ ...closed, active: true }) });
    renderWithProviders(<AttractionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Activate Old mill' }));
    expect(await screen.findByText('Old mill is active again.')).toBeInTheDocument();
    const body = (await writes(fetchMock)[0]!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ slug: 'old-mill', territory: 'FR-62', category: 'MUSEUM', active: true });
  });

  it('creates an attraction; a 409 on its slug shows the server’s detail', async () => {
    let answer = problemJson(typedProblem('already-exists', 409, 'An attraction with slug dover-castle exists'), 409);
    const fetchMock = routes({ 'POST /api/admin/attractions': () => answer });
    renderWithProviders(<AttractionsPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'New attraction' }));
    const form = screen.getByRole('form', { name: 'New attraction' });
    await userEvent.type(within(form).getByLabelText('Slug (in addresses)'), 'dover-castle');
    await userEvent.type(within(form).getByLabelText('Name in French'), 'Château de Douvres');
    await userEvent.type(within(form).getByLabelText('Name in English'), 'Dover Castle');
    await userEvent.selectOptions(within(form).getByLabelText('Territory'), 'GB-KEN');
    await userEvent.selectOptions(within(form).getByLabelText('Category'), 'HERITAGE');
    await userEvent.type(within(form).getByLabelText('Address'), 'Castle Hill');
    await userEvent.type(within(form).getByLabelText('Town'), 'Dover');
    await userEvent.type(within(form).getByLabelText('Postcode'), 'CT16 1HU');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('An attraction with slug dover-castle exists');

    answer = json({ ...louvre, id: 20, slug: 'dover-castle-2', name: { fr: 'Château de Douvres', en: 'Dover Castle' } }, 201);
    await userEvent.type(within(form).getByLabelText('Slug (in addresses)'), '-2');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Dover Castle saved.')).toBeInTheDocument();
    expect(await writes(fetchMock)[1]!.clone().json()).toMatchObject({
      slug: 'dover-castle-2',
      territory: 'GB-KEN',
      category: 'HERITAGE',
      nameEn: 'Dover Castle',
      postcode: 'CT16 1HU',
      active: true,
    });
  });
});
