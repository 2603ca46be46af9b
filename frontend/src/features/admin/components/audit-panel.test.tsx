import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { json, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AuditPanel } from './audit-panel';

const entries = [
  {
    id: 7,
    at: '2026-03-01T09:30:00Z',
    actor: 'organiser',
    action: 'attraction.create',
    entity: 'attraction',
    entityId: '20',
    details: '{"slug":"dover-castle"}',
  },
  {
    id: 8,
    at: '2026-03-01T09:40:00Z',
    actor: 'organiser',
    action: 'offer.capacity',
    entity: 'offer',
    entityId: '12',
    details: '{"from":40,"to":60}',
  },
  {
    id: 9,
    at: '2026-03-01T09:50:00Z',
    actor: 'organiser',
    action: 'staff.assign',
    entity: 'staff',
    entityId: 'door-1',
    details: '{"attractionIds":[3,5]}',
  },
  { id: 10, at: '2026-03-01T10:00:00Z', actor: 'organiser', action: 'something.new', entity: 'x', entityId: '1', details: '{}' },
];

describe('AuditPanel', () => {
  it('says each change as a sentence, keeps the record as kept folded, and shows unknown actions as recorded', async () => {
    mockFetch({ 'GET /api/admin/audit': () => json(entries) });
    renderWithProviders(<AuditPanel />);
    const table = await screen.findByTestId('audit-table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('organiser');
    expect(rows[1]).toHaveTextContent('Created the attraction dover-castle (no. 20).');
    expect(rows[1]).toHaveTextContent('attraction.create · attraction 20 · {"slug":"dover-castle"}');
    expect(within(rows[1]!).getByText(/2026/).closest('time')).toHaveAttribute('dateTime', '2026-03-01T09:30:00Z');
    expect(rows[2]).toHaveTextContent('Changed the entries of offer no. 12 from 40 to 60.');
    expect(rows[3]).toHaveTextContent('Assigned door-1 to 2 attractions (no. 3, 5).');
    expect(within(rows[4]!).getAllByText(/something\.new/)[0]).toBeInTheDocument();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'GET /api/admin/audit': () => json(entries.slice(1, 2)) });
    renderWithProviders(<AuditPanel />);
    const table = await screen.findByTestId('audit-table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('A changé les entrées de l’offre n° 12 de 40 à 60.');
  });
});
