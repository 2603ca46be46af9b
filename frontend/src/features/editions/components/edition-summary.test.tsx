import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { edition } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { EditionSummary } from './edition-summary';

describe('EditionSummary', () => {
  it('shows the name, days, claim window and rules', () => {
    renderWithProviders(<EditionSummary edition={edition} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Grand Jour 2026' })).toBeInTheDocument();
    expect(screen.getByText('Pas-de-Calais and Kent')).toBeInTheDocument();
    expect(screen.getByText(/^Saturday,? 28 March 2026$/)).toBeInTheDocument();
    expect(screen.getByText(/Free entries can be claimed until Friday,? 27 March 2026.* 19:00 CET\./)).toBeInTheDocument();
    expect(screen.getByText('Up to 2 tickets per resident')).toBeInTheDocument();
    expect(screen.getByText('Up to 4 people per ticket')).toBeInTheDocument();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    renderWithProviders(<EditionSummary edition={{ ...edition, claimOpen: false, claimOpensAt: '2999-01-01T08:00:00Z' }} />);
    expect(screen.getByText('Pas-de-Calais et Kent')).toBeInTheDocument();
    expect(screen.getByText('samedi 28 mars 2026')).toBeInTheDocument();
    expect(screen.getByText(/^Réservation des entrées gratuites à partir du .*2999/)).toBeInTheDocument();
    expect(screen.getByText('Jusqu’à 2 billets par habitant')).toBeInTheDocument();
  });
});
