import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition, Offer } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import type { WaitlistEntry } from '../api/get-my-waitlist';
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
  /**
   * The user's waiting-list entries (useMyWaitlist, read once by the page for every card); undefined
   * while unknown and for whoever has no waiting lists (logged out, not a resident).
   */
  entries: readonly WaitlistEntry[] | undefined;
  /** The clock (tests). */
  now?: number;
};

/**
 * The waiting list of an offer card: on a sold-out offer, "Join the waiting list" for a logged-in
 * resident who may claim (first-come editions), then their position and "Leave the list". Nothing
 * otherwise (the claim action speaks for offers with places, and for a ticket held).
 */
export function WaitlistOffer({ offer, edition, eligible, holdsTicket, entries, now: fixedNow }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const formId = useId();
  const [open, setOpen] = useState(false);
  /** What just happened here, said in the status region: after joining the position, after leaving that. */
  const [done, setDone] = useState<'joined' | 'left' | undefined>(undefined);
  const [now] = useState(() => fixedNow ?? Date.now());
  const toggleRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  /** Where the focus goes once what was just done shows: the button used is gone. */
  const focusNext = useRef<'joined' | 'left' | undefined>(undefined);
  // A party still waiting, whatever the places left (its whole party does not fit yet), ballot losers too.
  const entry = entries?.find((e) => e.offer.id === offer.id && e.status === 'WAITING');

  // After joining, to the position (the status region is always there); after leaving, to "Join" once
  // the entries (the page's, which may come a render later) no longer show the party waiting.
  useEffect(() => {
    if (focusNext.current === 'joined') {
      statusRef.current?.focus();
      focusNext.current = undefined;
    } else if (focusNext.current === 'left' && !entry) {
      (toggleRef.current ?? statusRef.current)?.focus();
      focusNext.current = undefined;
    }
  }, [done, entry]);

  if (!entries || offer.editionId !== edition.id || holdsTicket !== false) return null;
  if (!entry) {
    const served = entries.some((e) => e.offer.id === offer.id && e.status === 'SERVED');
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
          onLeft={() => {
            focusNext.current = 'left';
            setDone('left');
          }}
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
                focusNext.current = 'joined';
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
