import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useNavigate } from '@/lib/router';
import { LoginButton } from '@/components/layout/auth-buttons';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { newIdempotencyKey } from '@/lib/api/idempotency';
import type { Offer } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { calendarDay } from '@/lib/dates';
import { useClaimTicket } from '../api/claim-ticket';
import { describeProblem } from '../problems';
import { ProblemAlert } from '@/components/ui/problem-alert';

type Props = {
  id?: string;
  offer: Offer;
  /** The edition's most persons per ticket. */
  maxPartySize: number;
  onClose: () => void;
  /** The clock (tests). */
  now?: number;
};

/** What the router carries to the ticket page after a claim, to say it went well. */
export type ClaimedState = { claimed: true };

/**
 * How many people, then Confirm. A claim attempt keeps its Idempotency-Key until the server gives a
 * definite answer: sending the same party again after a network failure cannot book twice.
 */
export function ClaimForm({ id, offer, maxPartySize, onClose, now: fixedNow }: Props) {
  const { t } = useTranslation();
  const { username } = useAuth();
  const navigate = useNavigate();
  const fieldId = useId();
  const claim = useClaimTicket(username);
  const [chosen, setChosen] = useState(1);
  const attempt = useRef<{ key: string; partySize: number } | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  // A claim for today: said before confirming that it can be given back only for a short while (or not).
  const [now] = useState(() => fixedNow ?? Date.now());
  const forToday = offer.day === calendarDay(now, offer.timeZone);
  const alertRef = useRef<HTMLDivElement>(null);

  // Never more than the edition allows nor than the places left (which refresh while the form is open).
  const max = Math.max(1, Math.min(maxPartySize, offer.remaining));
  const partySize = Math.min(chosen, max);

  useEffect(() => selectRef.current?.focus(), []);
  useEffect(() => {
    if (claim.error) alertRef.current?.focus();
  }, [claim.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (claim.isPending) return;
    if (!attempt.current || attempt.current.partySize !== partySize) {
      attempt.current = { key: newIdempotencyKey(), partySize };
    }
    claim.mutate(
      { offerId: offer.id, partySize, idempotencyKey: attempt.current.key, editionId: offer.editionId },
      {
        onSuccess: (ticket) => {
          attempt.current = null;
          const state: ClaimedState = { claimed: true };
          void navigate(paths.ticket.href(ticket.id), { state });
        },
        onError: (error) => {
          // A refusal is final: the next try is a new attempt. Without an answer (or with a 5xx),
          // the claim may have been booked: the next try reuses the key and gets that ticket back.
          if (error instanceof ApiError && error.status < 500) attempt.current = null;
        },
      },
    );
  };

  const problem = claim.isError
    ? describeProblem(claim.error, 'claim', t, { partySize: claim.variables.partySize, remaining: offer.remaining })
    : null;

  return (
    <form id={id} className="claim-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>{t('tickets.claim.partySize')}</label>
        <select
          ref={selectRef}
          id={fieldId}
          value={partySize}
          aria-describedby={`${fieldId}-hint`}
          onChange={(e) => setChosen(Number(e.target.value))}
          disabled={claim.isPending}
        >
          {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t('tickets.people', { count: n })}
            </option>
          ))}
        </select>
        <p id={`${fieldId}-hint`} className="field__hint">
          {t('tickets.claim.partySizeHint', { count: max })}
        </p>
      </div>
      {problem && (
        <ProblemAlert ref={alertRef} problem={problem}>
          {problem.slug === 'unauthenticated' && <LoginButton className="button button--secondary" />}
        </ProblemAlert>
      )}
      {forToday && (
        <p id={`${fieldId}-today`} className="claim-form__today" data-testid="claim-today">
          <strong>{t('tickets.claim.todayTitle')}</strong>{' '}
          {t('tickets.claim.todayUntilOpening', { time: offer.opensAt.slice(0, 5) })}
        </p>
      )}
      <div className="claim-form__actions">
        <button
          type="submit"
          className="button"
          disabled={claim.isPending}
          aria-describedby={forToday ? `${fieldId}-today` : undefined}
        >
          {claim.isPending ? t('tickets.claim.submitting') : t('tickets.claim.confirm', { count: partySize })}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={claim.isPending}>
          {t('tickets.claim.close')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {claim.isPending ? t('tickets.claim.submitting') : ''}
      </p>
    </form>
  );
}
