import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { LoginButton } from '@/components/layout/auth-buttons';
import type { Offer } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useJoinWaitlist } from '../api/join-waitlist';
import { describeWaitlistProblem } from '../problems';
import { ProblemAlert } from '@/components/ui/problem-alert';

type Props = {
  id?: string;
  offer: Offer;
  /** The edition's most persons per ticket. */
  maxPartySize: number;
  onClose: () => void;
  /** Called once the server has put the party on the list. */
  onJoined: () => void;
};

/** How many people, then Join: the whole party is served together, or not at all. */
export function JoinWaitlistForm({ id, offer, maxPartySize, onClose, onJoined }: Props) {
  const { t } = useTranslation();
  const { username } = useAuth();
  const fieldId = useId();
  const join = useJoinWaitlist(username);
  const [partySize, setPartySize] = useState(1);
  const selectRef = useRef<HTMLSelectElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const max = Math.max(1, maxPartySize);

  useEffect(() => selectRef.current?.focus(), []);
  useEffect(() => {
    if (join.error) alertRef.current?.focus();
  }, [join.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (join.isPending) return;
    join.mutate({ offerId: offer.id, partySize, editionId: offer.editionId }, { onSuccess: onJoined });
  };

  const problem = join.isError ? describeWaitlistProblem(join.error, 'join', t) : null;

  return (
    <form id={id} className="claim-form waitlist-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>{t('waitlist.partySize')}</label>
        <select
          ref={selectRef}
          id={fieldId}
          value={partySize}
          aria-describedby={`${fieldId}-hint`}
          onChange={(e) => setPartySize(Number(e.target.value))}
          disabled={join.isPending}
        >
          {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t('waitlist.people', { count: n })}
            </option>
          ))}
        </select>
        <p id={`${fieldId}-hint`} className="field__hint">
          {t('waitlist.howItWorks')}
        </p>
      </div>
      {problem && (
        <ProblemAlert ref={alertRef} problem={problem}>
          {problem.slug === 'unauthenticated' && <LoginButton className="button button--secondary" />}
        </ProblemAlert>
      )}
      <div className="claim-form__actions">
        <button type="submit" className="button" disabled={join.isPending}>
          {join.isPending ? t('waitlist.joining') : t('waitlist.confirm', { count: partySize })}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={join.isPending}>
          {t('waitlist.close')}
        </button>
      </div>
    </form>
  );
}
