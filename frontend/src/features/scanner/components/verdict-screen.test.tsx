import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { offer } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import type { ShownVerdict } from '../hooks/use-door-scanner';
import type { OfflineDecision } from '../offline/offline-decision';
import { VerdictScreen } from './verdict-screen';

const louvre = offer({ id: 3 }).attraction;
const nausicaa = { ...louvre, id: 4, slug: 'nausicaa', name: { fr: 'Nausicaá', en: 'Nausicaá' } };

function shown(result: Partial<OfflineDecision>, overrides: Partial<ShownVerdict> = {}): ShownVerdict {
  return {
    scanId: 'scan-1',
    code: 'GJ1.k.c.s',
    scannedAt: '2026-03-28T09:30:00Z',
    source: 'camera',
    offline: false,
    queued: false,
    result: {
      verdict: 'ADMITTED',
      ticketId: 10,
      partySize: 2,
      personsAdmittedNow: 2,
      personsAdmittedBefore: 0,
      personsRemaining: 0,
      holderFirstName: 'Rose',
      attractionId: 3,
      day: '2026-03-28',
      ...result,
    },
    ...overrides,
  };
}

function renderVerdict(verdict: ShownVerdict, { onDismiss = vi.fn(), onAdmitMore = vi.fn() } = {}) {
  renderWithProviders(
    <VerdictScreen
      shown={verdict}
      attractions={[louvre, nausicaa]}
      today="2026-03-28"
      timeZone="Europe/Paris"
      deviceId="gj-HERE"
      busy={false}
      onDismiss={onDismiss}
      onAdmitMore={onAdmitMore}
    />,
  );
  return { onDismiss, onAdmitMore, verdict: screen.getByTestId('verdict') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('VerdictScreen', () => {
  it('admits in green: n of m persons and the holder’s first name', () => {
    const { verdict } = renderVerdict(shown({}));
    expect(verdict).toHaveClass('verdict--ok');
    expect(verdict).toHaveAttribute('data-verdict', 'ADMITTED');
    expect(screen.getByRole('alert')).toHaveTextContent('Admitted');
    expect(screen.getByTestId('verdict-persons')).toHaveTextContent('2 of 2 persons');
    expect(verdict).toHaveTextContent('Rose');
    expect(screen.getByRole('button', { name: 'Next ticket' })).toHaveFocus();
  });

  it('says how many may still come in when more persons were asked, and offers to admit them', () => {
    const { verdict } = renderVerdict(
      shown({ verdict: 'TOO_MANY_PERSONS', partySize: 4, personsAdmittedNow: 0, personsAdmittedBefore: 1, personsRemaining: 3 }),
    );
    expect(verdict).toHaveClass('verdict--warn');
    expect(screen.getByRole('alert')).toHaveTextContent('Too many persons');
    expect(verdict).toHaveTextContent('Only 3 persons of the party of 4 may still come in: nobody was admitted.');
    expect(screen.getByRole('button', { name: /Admit 3/ })).toBeInTheDocument();
  });

  it('says the phone’s clock was wrong for a scan refused for its time', () => {
    const { verdict } = renderVerdict(shown({ verdict: 'BAD_SCAN_TIME', personsAdmittedNow: 0 }));
    expect(screen.getByRole('alert')).toHaveTextContent('Scan time refused');
    expect(verdict).toHaveTextContent("This phone's clock was wrong");
  });

  it('says a full door in violet with ⊘, and where the party may go instead, in English and French', async () => {
    const { verdict, onDismiss } = renderVerdict(
      shown({
        verdict: 'DOOR_FULL',
        personsAdmittedNow: 0,
        personsRemaining: 2,
        alternatives: [
          { offerId: 31, attractionId: 3, attractionName: { fr: 'Louvre-Lens', en: 'Louvre-Lens' }, day: '2026-03-29', placesLeft: 12, sameAttraction: true },
          { offerId: 41, attractionId: 4, attractionName: { fr: 'Nausicaá (fr)', en: 'Nausicaá (en)' }, day: '2026-03-28', placesLeft: 1, sameAttraction: false },
        ],
      }),
    );
    expect(verdict).toHaveClass('verdict--full');
    expect(verdict).toHaveAttribute('data-verdict', 'DOOR_FULL');
    expect(verdict).toHaveTextContent('⊘');
    expect(screen.getByRole('alert')).toHaveTextContent('Door full');
    expect(verdict).toHaveTextContent('The door has reached its capacity for today: nobody was admitted.');
    const list = screen.getByRole('region', { name: 'Places left elsewhere' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Louvre-Lens · Sunday,? 29 March · 12 places left/);
    expect(items[1]).toHaveTextContent('Nausicaá (en) · today · 1 place left');
    // nobody admitted: no offer to admit more of the party
    expect(screen.queryByRole('button', { name: /Admit/ })).not.toBeInTheDocument();
    // the staff tell the party where to go: the screen waits for them
    expect(verdict.querySelector('.verdict__timer')).toBeNull();
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByRole('alert')).toHaveTextContent('Complet à la porte');
    expect(verdict).toHaveTextContent('Le site a atteint sa capacité pour aujourd’hui : personne n’est entré.');
    expect(screen.getByRole('region', { name: 'Places encore libres ailleurs' })).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Louvre-Lens · dimanche 29 mars · 12 places libres');
    expect(items[1]).toHaveTextContent('Nausicaá (fr) · aujourd’hui · 1 place libre');
    await userEvent.click(screen.getByRole('button', { name: 'Billet suivant' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('offers to admit part of the party when a few places are left at a full door, in English and French', async () => {
    const { verdict, onAdmitMore } = renderVerdict(
      shown({
        verdict: 'DOOR_FULL',
        partySize: 4,
        personsAdmittedNow: 0,
        personsRemaining: 4,
        doorPlacesLeft: 2,
        alternatives: [
          { offerId: 31, attractionId: 3, attractionName: { fr: 'Louvre-Lens', en: 'Louvre-Lens' }, day: '2026-03-29', placesLeft: 12, sameAttraction: true },
        ],
      }),
    );
    expect(verdict).toHaveClass('verdict--full');
    expect(verdict).toHaveTextContent('the whole party does not fit, nobody was admitted yet.');
    const partial = screen.getByRole('region', { name: 'Only 2 places left at this door, for a party of 4' });
    // the choice, labelled, capped at the places left; the alternatives stay on offer
    const stepper = within(partial).getByRole('group', { name: 'Persons of this party to admit now' });
    expect(within(stepper).getByText('2')).toBeInTheDocument();
    expect(within(stepper).getByRole('button', { name: 'One person more' })).toBeDisabled();
    expect(screen.getByRole('region', { name: 'Places left elsewhere' })).toBeInTheDocument();
    expect(within(partial).getByText('The others keep their ticket: they can come back later, once places are free.')).toBeInTheDocument();
    // the staff decide: the screen waits for them, focus on the safe "Next ticket"
    expect(verdict.querySelector('.verdict__timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Next ticket' })).toHaveFocus();
    // by keyboard, back from "Next ticket": the admit button, then the stepper (its "+" is disabled, skipped)
    await userEvent.tab({ shift: true });
    expect(within(partial).getByRole('button', { name: 'Admit 2 of 4 now' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(within(stepper).getByRole('button', { name: 'One person fewer' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(within(stepper).getByText('1')).toBeInTheDocument();
    await userEvent.tab();
    await userEvent.tab();
    expect(within(partial).getByRole('button', { name: 'Admit 1 of 4 now' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onAdmitMore).toHaveBeenCalledWith(1);
    await userEvent.click(within(stepper).getByRole('button', { name: 'One person more' }));
    await userEvent.click(within(partial).getByRole('button', { name: 'Admit 2 of 4 now' }));
    expect(onAdmitMore).toHaveBeenLastCalledWith(2);
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByRole('region', { name: 'Plus que 2 places à ce site, pour un groupe de 4' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Personnes de ce groupe à faire entrer maintenant' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Faire entrer 2 sur 4 maintenant' })).toBeInTheDocument();
    expect(verdict).toHaveTextContent('tout le groupe n’y tient pas');
    expect(verdict).toHaveTextContent('Les autres gardent leur billet');
  });

  it('offers no partial admission when no place is left, or the places left take the whole party', () => {
    const { verdict } = renderVerdict(
      shown({ verdict: 'DOOR_FULL', partySize: 4, personsAdmittedNow: 0, personsRemaining: 4, doorPlacesLeft: 0, alternatives: [] }),
    );
    expect(verdict).toHaveTextContent('The door has reached its capacity for today: nobody was admitted.');
    expect(screen.queryByTestId('door-full-partial')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Admit/ })).not.toBeInTheDocument();
    expect(verdict.querySelector('.verdict__timer')).not.toBeNull();
  });

  it('says a full door with nowhere else to go, and goes away by itself', () => {
    const { verdict } = renderVerdict(shown({ verdict: 'DOOR_FULL', personsAdmittedNow: 0, alternatives: [] }));
    expect(verdict).toHaveClass('verdict--full');
    expect(verdict).toHaveTextContent('No other offer of this edition has places left.');
    expect(screen.queryByRole('region', { name: 'Places left elsewhere' })).not.toBeInTheDocument();
    expect(verdict.querySelector('.verdict__timer')).not.toBeNull();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    renderVerdict(shown({ partySize: 1, personsAdmittedNow: 1 }));
    expect(screen.getByRole('alert')).toHaveTextContent('Entrée validée');
    expect(screen.getByTestId('verdict-persons')).toHaveTextContent('1 sur 1 personne');
  });

  it('says who is already in and who is still to come, and admits the rest on demand', async () => {
    const { onAdmitMore } = renderVerdict(shown({ partySize: 4, personsAdmittedBefore: 1, personsAdmittedNow: 1, personsRemaining: 2 }));
    expect(screen.getByTestId('verdict-persons')).toHaveTextContent('1 of 4 persons');
    expect(screen.getByText('1 was already in')).toBeInTheDocument();
    expect(screen.getByText('2 still to come')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'One person fewer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Admit 1 more' }));
    expect(onAdmitMore).toHaveBeenCalledWith(1);
  });

  it('refuses an already used ticket in orange: when, and by which device', async () => {
    const { verdict } = renderVerdict(
      shown({
        verdict: 'ALREADY_USED',
        personsAdmittedNow: 0,
        personsAdmittedBefore: 2,
        firstAdmittedAt: '2026-03-28T08:02:00Z',
        firstAdmittedBy: 'gj-7KQ2',
      }),
    );
    expect(verdict).toHaveClass('verdict--warn');
    expect(screen.getByRole('alert')).toHaveTextContent('Already used');
    expect(verdict).toHaveTextContent('The whole party (2 persons) is already in.');
    expect(verdict).toHaveTextContent('First admitted at 09:02 by device gj-7KQ2.'); // Paris time
    expect(screen.queryByTestId('verdict-persons')).not.toBeInTheDocument();
    await i18n.changeLanguage('fr');
    expect(verdict).toHaveTextContent('Première entrée à 09:02 par l’appareil gj-7KQ2.');
  });

  it('says when only some of the party may still come in', () => {
    renderVerdict(shown({ verdict: 'ALREADY_USED', partySize: 4, personsAdmittedNow: 0, personsAdmittedBefore: 3, personsRemaining: 1 }));
    expect(screen.getByTestId('verdict')).toHaveTextContent('Only 1 person of the party of 4 may still come in.');
    expect(screen.getByRole('button', { name: 'Admit 1 more' })).toBeInTheDocument();
  });

  it('names the attraction of a ticket for another door', () => {
    renderVerdict(shown({ verdict: 'WRONG_ATTRACTION', personsAdmittedNow: 0, attractionId: 4 }));
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong attraction');
    expect(screen.getByTestId('verdict')).toHaveTextContent('This ticket is for Nausicaá.');
  });

  it('tells too early from too late, with the ticket’s day', async () => {
    renderVerdict(shown({ verdict: 'WRONG_DAY', personsAdmittedNow: 0, day: '2026-03-29' }));
    expect(screen.getByTestId('verdict')).toHaveTextContent(/Too early: this ticket is for Sunday,? 29 March\./);
    await i18n.changeLanguage('fr');
    expect(screen.getByTestId('verdict')).toHaveTextContent('Trop tôt : ce billet est pour le dimanche 29 mars.');
  });

  it('shows a cancelled ticket in red', () => {
    const { verdict } = renderVerdict(shown({ verdict: 'CANCELLED', personsAdmittedNow: 0 }));
    expect(verdict).toHaveClass('verdict--stop');
    expect(verdict).toHaveTextContent('This ticket was cancelled');
  });

  it('says why an offline check refused a code, and that the admission will be synced', () => {
    renderVerdict(shown({ verdict: 'INVALID', personsAdmittedNow: 0, offlineReason: 'bad-signature' }, { offline: true }));
    expect(screen.getByTestId('verdict')).toHaveTextContent('Forged or altered QR code');
    expect(screen.getByTestId('verdict')).toHaveTextContent('Checked offline');
  });

  it('marks an offline admission as waiting to be sent', () => {
    renderVerdict(shown({}, { offline: true, queued: true }));
    expect(screen.getByTestId('verdict')).toHaveAttribute('data-offline', 'true');
    expect(screen.getByTestId('verdict')).toHaveTextContent('Checked offline · Will be sent to the server as soon as the network is back.');
  });

  it('goes away by itself after 2 seconds for an admission', () => {
    vi.useFakeTimers();
    const { onDismiss } = renderVerdict(shown({}));
    act(() => vi.advanceTimersByTime(1900));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('stays 3 seconds for a refusal, and goes at a tap', async () => {
    vi.useFakeTimers();
    const { onDismiss, verdict } = renderVerdict(shown({ verdict: 'INVALID', personsAdmittedNow: 0 }));
    act(() => vi.advanceTimersByTime(2500));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(600));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await userEvent.click(verdict);
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
