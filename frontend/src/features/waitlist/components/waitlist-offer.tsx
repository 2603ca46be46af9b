import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition, Offer } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useMyWaitlist, waitlistUser } from '../api/get-my-waitlist';
import { hasOpened, isSoldOut, positionText } from '../position';
import { JoinWaitlistForm } from './join-waitlist-form';
import { LeaveWaitlistButton } from './leave-waitlist-button';
import '../waitlist.css';

type Props = {
  offer: Offer;
  /** The offer's edition: how places are given out, the most persons per ticket. */
  edition: Edition;
  /** Whether the logged-in user may claim in this edition (their postcode); undefined while unknown. */
  eligible?: boolean;
  /** Whether the user holds a live ticket for this offer; undefined while unknown. */
  holdsTicket?: boolean;
  /** The clock (tests). */
  now?: number;
};

/**
 * The waiting list of an offer card: on a sold-out offer, "Join the waiting list" for a logged-in
 * resident who may claim (first-come editions), then their position and "Leave the list". Nothing
 * otherwise (the claim action speaks for offers with places, and for a ticket held).
 */
export function WaitlistOffer({ offer, edition, eligible, holdsTicket, now: fixedNow }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const auth = useAuth();
  const formId = useId();
  const user = waitlistUser(auth);
  const waitlist = useMyWaitlist(user);
  const [open, setOpen] = useState(false);
  /** What just happened here, said in the status region: after joining the position, after leaving that. */
  const [done, setDone] = useState<'joined' | 'left' | undefined>(undefined);
  const [now] = useState(() => fixedNow ?? Date.now());
  const toggleRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The button that was used is gone: the focus goes to what replaced it.
  useEffect(() => {
    if (done === 'joined') statusRef.current?.focus();
    if (done === 'left') toggleRef.current?.focus();
  }, [done]);

  if (!user || offer.editionId !== edition.id || holdsTicket !== false || !waitlist.data) return null;

  // A party still waiting, whatever the places left (its whole party does not fit yet), ballot losers too.
  const entry = waitlist.data.find((e) => e.offer.id === offer.id && e.status === 'WAITING');
  if (!entry) {
    const served = waitlist.data.some((e) => e.offer.id === offer.id && e.status === 'SERVED');
    // Kept while the form is open even if places came back meanwhile: its refusal stays readable.
    const mayJoin =
      edition.allocationMode === 'FIRST_COME' && eligible !== false && (isSoldOut(offer) || open) && !hasOpened(offer, now);
    if (served || !mayJoin) return null;
  }

  const target = (
    <span className="visually-hidden">
      {t('waitlist.target', {
        name: format.localized(offer.attraction.name),
        day: format.day(offer.day, { weekday: 'long', day: 'numeric', month: 'long' }),
      })}
    </span>
  );

  return (
    <div className="waitlist">
      {/* Always there, so that what changes in it (joined, position, left) is read out. */}
      <p ref={statusRef} className="waitlist__status" role="status" tabIndex={-1}>
        {entry ? positionText(entry, t) : done === 'left' ? t('waitlist.left') : ''}
      </p>
      {entry ? (
        <LeaveWaitlistButton
          entry={entry}
          onLeft={() => setDone('left')}
        />
      ) : (
        <>
          <button
            ref={toggleRef}
            type="button"
            className="button button--secondary claim-button"
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            onClick={() => setOpen((value) => !value)}
          >
            {t('waitlist.join')} {target}
          </button>
          {open && (
            <JoinWaitlistForm
              id={formId}
              offer={offer}
              maxPartySize={edition.maxPartySize}
              onJoined={() => {
                setOpen(false);
                setDone('joined');
              }}
              onClose={() => {
                setOpen(false);
                toggleRef.current?.focus();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
