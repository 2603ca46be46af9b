import type { Ref } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';

const KNOWN = [
  'application-window-closed',
  'invalid-application',
  'application-disqualified',
  'idempotency-key-reused',
  'draw-too-early',
  'already-drawn',
  'first-come-edition',
  'validation-failed',
  'unauthenticated',
  'email-not-verified',
  'not-found',
  'conflict',
] as const;
type Known = (typeof KNOWN)[number];

/** Our message for the error (by its problem type), then the server's (English) detail. */
export function BallotProblem({ error, ref }: { error: unknown; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const slug = problemSlug(error);
  const known = KNOWN.includes(slug as Known) ? (slug as Known) : undefined;
  let message: string;
  if (known) message = t(`ballot.problem.${known}`);
  else if (error instanceof NetworkError) message = t('ballot.problem.network');
  else message = t('ballot.problem.other');
  const detail = error instanceof ApiError ? error.problem.detail : undefined;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <div ref={ref} className="error-state problem-alert" role="alert" tabIndex={-1} data-problem={slug}>
      <p className="error-state__title">{message}</p>
      {detail && (
        <p className="problem-alert__detail" lang="en">
          {detail}
        </p>
      )}
      {fields.length > 0 && (
        <ul lang="en">
          {fields.map((e) => (
            <li key={`${e.field}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
