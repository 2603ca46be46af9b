import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useDisqualifyApplication } from '../api/disqualify-application';
import type { Applicant } from '../api/types';
import { BallotProblem } from './ballot-problem';

type Props = {
  editionId: number;
  applicant: Applicant;
  /** Disqualified (the overview reloads; this form may go away with the applicant's status). */
  onDisqualified?: (applicant: Applicant) => void;
};

/** "Disqualify" with a required reason (published as a count in the draw report). */
export function DisqualifyForm({ editionId, applicant, onDisqualified }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const disqualify = useDisqualifyApplication();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) inputRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);
  useEffect(() => {
    if (disqualify.error) alertRef.current?.focus();
  }, [disqualify.error]);

  const close = () => {
    setOpen(false);
    setReason('');
    disqualify.reset();
    returnFocus.current = true;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disqualify.isPending) return;
    if (!reason.trim()) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    disqualify.mutate(
      { editionId, applicationId: applicant.applicationId, reason: reason.trim() },
      {
        onSuccess: (disqualified) => {
          close();
          onDisqualified?.(disqualified);
        },
      },
    );
  };

  if (!open) {
    return (
      <button ref={toggleRef} type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('ballot.admin.disqualify')} <span className="visually-hidden">{applicant.drawId}</span>
      </button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="ballot-disqualify" aria-label={t('ballot.admin.disqualifyTitle', { drawId: applicant.drawId })}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('ballot.admin.reason')}</label>
        <input
          ref={inputRef}
          id={`${id}-reason`}
          value={reason}
          maxLength={300}
          required
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          disabled={disqualify.isPending}
        />
        {missing && (
          <p id={`${id}-missing`} className="field__error">
            {t('ballot.admin.reasonMissing')}
          </p>
        )}
      </div>
      {disqualify.isError && <BallotProblem ref={alertRef} error={disqualify.error} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={disqualify.isPending}>
          {t('ballot.admin.disqualifyConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={close} disabled={disqualify.isPending}>
          {t('ballot.admin.cancel')}
        </button>
      </div>
    </form>
  );
}
