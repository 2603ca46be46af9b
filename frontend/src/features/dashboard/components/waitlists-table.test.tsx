import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/test-utils';
import { stats } from '../testing/stats-fixtures';
import { WaitlistsTable } from './waitlists-table';

const label = (offerId: number) => (offerId === 11 ? { name: 'Louvre-Lens', day: '2026-03-28' } : undefined);

describe('WaitlistsTable', () => {
  it('shows per offer who waits, what was released and refilled, confirmations and walk-ups, with totals', () => {
    renderWithProviders(<WaitlistsTable rows={stats.waitlists} offerLabel={label} />);
    const table = screen.getByTestId('waitlists-table');
    const louvre = within(table).getByRole('row', { name: /Louvre-Lens/ });
    // the refill time: median and longest, in the server
    expect(within(louvre).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '7', '12', '10', '400', '80', '6', '4 ms, 17 ms']);
    // an offer with nothing waiting, released, refilled or confirmed is left out (header, one offer, total)
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const total = within(table).getByRole('row', { name: /Total/ });
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '7', '12', '10', '400', '80', '6', '17 ms']);
  });

  it('says so when there is nothing to show, in French', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(<WaitlistsTable rows={[]} offerLabel={label} />);
    expect(screen.getByText('Pas encore de liste d’attente, de libération ni de confirmation.')).toBeInTheDocument();
  });
});
