import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/test-utils';
import { attractionFigures, base1119Sun, doverCastleSat, figures, louvreLensSat } from '../testing/stats-fixtures';
import { toOfferRows } from '../utils/rows';
import { OffersTable } from './offers-table';

const rows = toOfferRows(
  [
    louvreLensSat,
    doverCastleSat,
    base1119Sun,
    attractionFigures(40, 4, 'Écomusée', 'FR-59', '2026-03-28', figures(50, 10, 5)),
  ],
  (a) => a.name.en,
  (code) => ({ 'FR-62': 'Pas-de-Calais', 'GB-KEN': 'Kent', 'FR-59': 'Nord' })[code] ?? code,
);

const table = () => screen.getByRole('table');
const names = () => within(table()).getAllByRole('rowheader').map((cell) => cell.textContent);
const header = (name: string) => within(table()).getByRole('columnheader', { name: new RegExp(`^${name}`) });
const sortButton = (name: string) => within(header(name)).getByRole('button');

describe('OffersTable', () => {
  it('starts sorted by attraction name, A to Z in the UI language (É with the Es), and says so', () => {
    renderWithProviders(<OffersTable rows={rows} />);
    expect(names()).toEqual(['Base 11/19', 'Dover Castle', 'Écomusée', 'Louvre-Lens']);
    expect(header('Attraction')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Booked')).not.toHaveAttribute('aria-sort');
  });

  it('sorts a figure column biggest first, then the other way on a second press; aria-sort follows', async () => {
    renderWithProviders(<OffersTable rows={rows} />);
    await userEvent.click(sortButton('Booked'));
    expect(names()).toEqual(['Louvre-Lens', 'Dover Castle', 'Base 11/19', 'Écomusée']);
    expect(header('Booked')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Attraction')).not.toHaveAttribute('aria-sort');

    await userEvent.click(sortButton('Booked'));
    expect(names()).toEqual(['Écomusée', 'Base 11/19', 'Dover Castle', 'Louvre-Lens']);
    expect(header('Booked')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts rates, ties by name', async () => {
    renderWithProviders(<OffersTable rows={rows} />);
    await userEvent.click(sortButton('Claim rate'));
    // Base 11/19 and Louvre-Lens are both at 100 %.
    expect(names()).toEqual(['Base 11/19', 'Louvre-Lens', 'Dover Castle', 'Écomusée']);
    expect(within(table()).getAllByRole('row')[1]).toHaveTextContent('100%');
  });

  it('sorts by day, then territory name', async () => {
    renderWithProviders(<OffersTable rows={rows} />);
    await userEvent.click(sortButton('Day'));
    expect(names().at(-1)).toBe('Base 11/19');
    await userEvent.click(sortButton('Territory'));
    expect(names()).toEqual(['Dover Castle', 'Écomusée', 'Base 11/19', 'Louvre-Lens']);
    expect(header('Territory')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('formats the figures in the UI language', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(
      <OffersTable rows={toOfferRows([attractionFigures(1, 1, 'Nausicaá', 'FR-62', '2026-03-28', figures(12000, 9000, 6210))], (a) => a.name.fr, (c) => c)} />,
    );
    const row = within(table()).getAllByRole('row')[1]!;
    // (toHaveTextContent would fold the no-break spaces French figures have.)
    expect(row.textContent).toContain('12\u202F000');
    expect(row.textContent).toContain('75\u00A0%');
    expect(row.textContent).toContain('69\u00A0%');
    expect(header('Site')).toHaveAttribute('aria-sort', 'ascending');
  });
});
