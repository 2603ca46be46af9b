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
    // who, how, until when
    expect(screen.getByTestId('edition-who')).toHaveTextContent('Residents of Pas-de-Calais and Kent, by the postcode of their account.');
    expect(screen.getByText('Log in, choose an attraction and a day, then show the QR code at the door.')).toBeInTheDocument();
    expect(screen.getByText(/^Saturday,? 28 March$/)).toBeInTheDocument();
    expect(screen.getByText(/Claims until Friday,? 27 March 2026.* 19:00 \(Paris time\)\./)).toBeInTheDocument();
    expect(screen.getByText('Up to 2 tickets per resident · Up to 4 people per ticket')).toBeInTheDocument();
  });

  it('names the edition in the language read', () => {
    const names = { fr: 'Grand Jour Côte d’Opale', en: 'Grand Day Opal Coast' };
    renderWithProviders(<EditionSummary edition={{ ...edition, names }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Grand Day Opal Coast' })).toBeInTheDocument();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    const names = { fr: 'Grand Jour Côte d’Opale', en: 'Grand Day Opal Coast' };
    renderWithProviders(<EditionSummary edition={{ ...edition, names, claimOpen: false, claimOpensAt: '2999-01-01T08:00:00Z' }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Grand Jour Côte d’Opale' })).toBeInTheDocument();
    expect(screen.getByTestId('edition-who')).toHaveTextContent('Les habitants de Pas-de-Calais et Kent');
    expect(screen.getByText('samedi 28 mars')).toBeInTheDocument();
    expect(screen.getByText(/^Réservation des entrées gratuites à partir du .*2999/)).toBeInTheDocument();
    expect(screen.getByText(/^Jusqu’à 2 billets par habitant/)).toBeInTheDocument();
  });
});
