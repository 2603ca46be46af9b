import { useId, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import type { Edition, Offer, Ticket } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { ClaimForm } from './claim-form';

/**
 * Who looks at the offer, as its claim action needs it: composed once by the page for every card
 * (one query each for the session's tickets and eligibility, not one per card), undefined until known.
 */
export type ClaimViewer =
  | { authenticated: false; login: () => void }
  | {
      authenticated: true;
      /** Whether they may claim in this edition (their postcode); undefined if not known. */
      eligible?: boolean;
      /** Their tickets, live and cancelled (empty if they could not be read). */
      tickets: readonly Ticket[];
    };

/** The live ticket the viewer holds for the offer, if any (undefined until known, and when logged out). */
export function heldTicket(viewer: ClaimViewer | undefined, offer: Offer): Ticket | undefined {
  return viewer?.authenticated
    ? viewer.tickets.find((ticket) => ticket.status === 'ACTIVE' && ticket.offer.id === offer.id)
    : undefined;
}

type Props = {
  offer: Offer;
  /** The offer's edition: its claim window and limits. */
  edition: Edition;
  /** Undefined while the session or the user's tickets are being read: no action yet. */
  viewer: ClaimViewer | undefined;
};

/**
 * The claim action of an offer card: "Claim free entries" opening the claim form, Log in first when
 * logged out, or a link to the ticket the user already holds for it. Nothing more when claims are
 * closed or no place is left.
 */
export function ClaimOffer({ offer, edition, viewer }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Until the user's tickets are known, whether they already hold one for this offer is not.
  if (offer.editionId !== edition.id || !viewer) return null;

  const held = heldTicket(viewer, offer);
  if (held) {
    return (
      <p className="claim-note claim-note--held">
        <span aria-hidden="true">✓ </span>
        {t('tickets.claim.held')}{' '}
        <Link to={paths.ticket.href(held.id)}>
          {t('tickets.claim.seeTicket')}{' '}
          <span className="visually-hidden">
            {t('tickets.claim.seeTicketFor', { name: format.localized(offer.attraction.name) })}
          </span>
        </Link>
      </p>
    );
  }
  if (!edition.claimOpen || offer.remaining <= 0) return null;

  // Many cards carry the same button: its name says which attraction and day it is for, after the
  // visible words (voice control users say what they see). Hidden text rather than aria-label, which
  // would make every button answer to "Day" as if it were the Day filter's label.
  const target = (
    <>
      {' '}
      <span className="visually-hidden">
        {t('tickets.claim.target', {
          name: format.localized(offer.attraction.name),
          day: format.day(offer.day, { weekday: 'long', day: 'numeric', month: 'long' }),
        })}
      </span>
    </>
  );

  if (!viewer.authenticated) {
    return (
      <button type="button" className="button button--secondary claim-button" onClick={viewer.login}>
        {t('tickets.claim.login')}
        {target}
      </button>
    );
  }

  if (viewer.eligible === false) {
    return (
      <p className="claim-note">
        {t('tickets.claim.notEligible')} <Link to={paths.account.href()}>{t('nav.account')}</Link>
      </p>
    );
  }

  const live = viewer.tickets.filter((ticket) => ticket.status === 'ACTIVE' && ticket.offer.editionId === edition.id);
  if (live.length >= edition.maxTicketsPerResident) {
    return (
      <p className="claim-note">
        {t('tickets.claim.limit', { count: edition.maxTicketsPerResident })}{' '}
        <Link to={paths.tickets.href()}>{t('nav.tickets')}</Link>
      </p>
    );
  }

  return (
    <div className="claim">
      <button
        ref={toggleRef}
        type="button"
        className="button claim-button"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {t('tickets.claim.open')}
        {target}
      </button>
      {open && (
        <ClaimForm
          id={formId}
          offer={offer}
          maxPartySize={edition.maxPartySize}
          onClose={() => {
            setOpen(false);
            toggleRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
