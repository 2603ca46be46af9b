import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/test-utils';
import { ballotEdition } from '../testing/fixtures';
import { BallotNotice } from './ballot-notice';

describe('BallotNotice', () => {
  it('says places are drawn by ballot, until when to apply, and that applying early does not help', () => {
    renderWithProviders(<BallotNotice edition={ballotEdition} />);
    const notice = screen.getByTestId('ballot-notice');
    expect(notice).toHaveTextContent('Places are drawn by ballot: apply until Sunday, 15 March 2026 at 23:59 (Paris time).');
    expect(notice).toHaveTextContent('Applying early does not help');
    expect(screen.getByRole('link', { name: /public report/ })).toHaveAttribute('href', '/editions/1/draw');
  });

  it('before the window, says when it opens; after, when the draw is, in French', async () => {
    await i18n.changeLanguage('fr');
    const closed = { ...ballotEdition, applicationOpen: false };
    const { unmount } = renderWithProviders(<BallotNotice edition={closed} now={Date.parse('2026-02-01T00:00:00Z')} />);
    expect(screen.getByTestId('ballot-notice')).toHaveTextContent('Les places sont tirées au sort : les candidatures ouvrent le dimanche 1 mars 2026');
    unmount();
    renderWithProviders(<BallotNotice edition={closed} now={Date.parse('2026-03-16T00:00:00Z')} />);
    expect(screen.getByTestId('ballot-notice')).toHaveTextContent('les candidatures sont closes ; le tirage a lieu le lundi 16 mars 2026');
  });
});
