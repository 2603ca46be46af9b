import { useTranslation } from '@/lib/i18n/react';
import { useFormat } from '@/lib/i18n';
import type { StreamState } from '../api/stream-edition-stats';

type Props = {
  stream: StreamState;
  /** When the figures shown were computed (the server's `generatedAt`). */
  generatedAt?: string;
};

/**
 * Whether the figures are live, and of when. Deliberately not a live region: the time changes with
 * every heartbeat (15 s), which would be read out again and again; the figures themselves are.
 */
export function LiveStatus({ stream, generatedAt }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = generatedAt ? format.time(Date.parse(generatedAt)) : undefined;
  const text = {
    connecting: t('dashboard.live.connecting'),
    live: t('dashboard.live.live'),
    reconnecting: t('dashboard.live.reconnecting'),
    stopped: t('dashboard.live.stopped'),
  }[stream.status];
  return (
    <p className={`live-status live-status--${stream.status}`} data-testid="live-status" data-status={stream.status}>
      <span className="live-status__dot" aria-hidden="true" />
      <span className="live-status__text">{text}</span>
      {time && (
        <>
          {' · '}
          <span>{t('dashboard.live.updatedAt', { time })}</span>
        </>
      )}
    </p>
  );
}
