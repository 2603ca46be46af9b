import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { problemSlug } from '@/lib/api/errors';
import type { PostcodeChange as Change } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useMyPostcodeChanges, useRequestPostcodeChange } from '../api/postcode-change';

/** The postcodes a resident may have: French (5 digits) or UK; the server and Keycloak check the same. */
export const POSTCODE_PATTERN = /^(?:[0-9]{2} ?[0-9]{3}|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2})$/;

/**
 * The postcode decides eligibility, so residents cannot edit it: they ask, an organiser approves.
 * Shows the pending request, the last decision, or a form to ask.
 */
export function PostcodeChangeSection({ username }: { username: string }) {
  const { t } = useTranslation();
  const changes = useMyPostcodeChanges(username);
  const latest: Change | undefined = changes.data?.[0];
  return (
    <section className="card" aria-labelledby="account-postcode-change" data-testid="postcode-change">
      <h2 id="account-postcode-change">{t('account.postcodeChange.title')}</h2>
      <p>{t('account.postcodeChange.intro')}</p>
      {latest && <LatestDecision change={latest} />}
      {changes.isSuccess && latest?.status !== 'PENDING' && <RequestForm username={username} />}
    </section>
  );
}

function LatestDecision({ change }: { change: Change }) {
  const { t } = useTranslation();
  const format = useFormat();
  const at = format.dateTime(change.requestedAt);
  if (change.status === 'PENDING') {
    return (
      <p className="notice" role="status" data-testid="postcode-change-pending">
        {t('account.postcodeChange.pending', { postcode: change.requestedPostcode, at })}
      </p>
    );
  }
  if (change.status === 'APPROVED') {
    return <p role="status">{t('account.postcodeChange.approved', { postcode: change.requestedPostcode })}</p>;
  }
  return (
    <p role="status">
      {t('account.postcodeChange.rejected', { postcode: change.requestedPostcode, reason: change.reason ?? '' })}
    </p>
  );
}

function RequestForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [postcode, setPostcode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const request = useRequestPostcodeChange(username);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = postcode.trim();
    if (!POSTCODE_PATTERN.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    request.mutate(value, { onSuccess: () => setPostcode('') });
  }

  const slug = problemSlug(request.error);
  const serverError = request.isError
    ? slug === 'email-not-verified'
      ? t('account.postcodeChange.emailNotVerified')
      : slug === 'conflict'
        ? t('account.postcodeChange.alreadyPending')
        : slug === 'validation-failed'
          ? (request.error.message || t('account.postcodeChange.invalid'))
          : t('account.postcodeChange.failed')
    : null;

  return (
    <form onSubmit={submit} noValidate className="postcode-change-form">
      <label htmlFor={`${id}-postcode`}>{t('account.postcodeChange.label')}</label>
      <input
        id={`${id}-postcode`}
        name="postcode"
        autoComplete="postal-code"
        maxLength={10}
        value={postcode}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => setPostcode(e.target.value)}
      />
      <p id={`${id}-help`} className="hint">
        {t('account.postcodeChange.help')}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('account.postcodeChange.invalid')}
        </p>
      )}
      {serverError && (
        <p className="field-error" role="alert">
          {serverError}
        </p>
      )}
      <button type="submit" className="button" disabled={request.isPending}>
        {t('account.postcodeChange.submit')}
      </button>
    </form>
  );
}
