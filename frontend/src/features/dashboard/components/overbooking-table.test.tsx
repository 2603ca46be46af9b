import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/test-utils';
import { stats } from '../testing/stats-fixtures';
import { OverbookingTable } from './overbooking-table';

const label = (offerId: number) =>
  offerId === 11 ? { name: 'Louvre-Lens', day: '2026-03-28' } : offerId === 21 ? { name: 'Nausicaá', day: '2026-03-28' } : undefined;

describe('OverbookingTable', () => {
  it('shows per offer the model inputs, the places beyond capacity and the overflow risk', async () => {
    await i18n.changeLanguage('en');
    renderWithProviders(<OverbookingTable rows={stats.overbooking} offerLabel={label} />);
    const table = screen.getByTestId('overbooking-table');
    const louvre = within(table).getByRole('row', { name: /Louvre-Lens/ });
    expect(within(louvre).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Edition’s',
      '1%',
      '412',
      '30%',
      '0.012',
      '120',
      '48',
      '0.96%',
      '144',
      '–',
    ]);
    // no history: said so, and nothing beyond capacity
    const nausicaa = within(table).getByRole('row', { name: /Nausicaá/ });
    expect(within(nausicaa).getByText('No comparable history: never overbooked')).toBeInTheDocument();
    expect(within(nausicaa).getAllByRole('cell').map((c) => c.textContent)).toContain('0');
  });

  it('says so when no offer is overbooked or has history, in French', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(<OverbookingTable rows={[{ offerId: 3, mode: 'OFF', certainPersons: 0, allowance: 0 }]} offerLabel={label} />);
    expect(screen.getByText('Aucune offre n’est en surréservation et aucune n’a d’historique comparable.')).toBeInTheDocument();
  });
});
