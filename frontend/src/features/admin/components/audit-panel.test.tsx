import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AuditPanel } from './audit-panel';

describe('AuditPanel', () => {
  it('lists the latest changes with their details', async () => {
    mockFetch({
      'GET /api/admin/audit': () =>
        json([
          {
            id: 7,
            at: '2026-03-01T09:30:00Z',
            actor: 'organiser',
            action: 'attraction.create',
            entity: 'attraction',
            entityId: '20',
            details: '{"slug":"dover-castle"}',
          },
        ]),
    });
    renderWithProviders(<AuditPanel />);
    const table = await screen.findByTestId('audit-table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('organiser');
    expect(row).toHaveTextContent('attraction.create');
    expect(row).toHaveTextContent('attraction 20');
    expect(row).toHaveTextContent('{"slug":"dover-castle"}');
    expect(within(row).getByText(/2026/).closest('time')).toHaveAttribute('dateTime', '2026-03-01T09:30:00Z');
  });
});
