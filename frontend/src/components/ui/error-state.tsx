import { useTranslation } from '@/lib/i18n/react';
import { ApiError, NetworkError } from '@/lib/api/errors';

type Props = {
  error: unknown;
  /** Offers a "Try again" button. */
  onRetry?: () => void;
};

/** Shows what went wrong: the server's problem detail (and field errors), or a network message. */
export function ErrorState({ error, onRetry }: Props) {
  const { t } = useTranslation();
  let message: string;
  let fieldErrors: { field: string; message: string }[] = [];
  if (error instanceof ApiError) {
    message = error.problem.detail || t('error.http', { status: error.status });
    fieldErrors = error.problem.errors ?? [];
  } else if (error instanceof NetworkError) {
    message = t('error.network');
  } else {
    message = t('error.unexpected');
  }
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{t('error.title')}</p>
      <p>{message}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
