import { useTranslation } from '@/lib/i18n/react';

/** A polite "Loading…" announced to screen readers, with a spinner for sighted users. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}
