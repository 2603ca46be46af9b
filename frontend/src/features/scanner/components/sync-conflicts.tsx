import { useTranslation } from '@/lib/i18n/react';
import { intlLocale } from '@/lib/i18n';
import type { QueuedScan } from '../offline/door-store';
import { verdictTone } from './verdict-screen';

type Props = {
  scans: readonly QueuedScan[];
  onSeen: (scanId: string) => void;
  /** The zone of the door's day (the edition's). */
  timeZone: string;
};

/** Offline admissions the server disagreed with (or refused to take), until someone marks them seen. */
export function SyncConflicts({ scans, onSeen, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  if (scans.length === 0) return null;
  const time = (instant: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), {
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(instant));
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-title" data-testid="sync-conflicts">
      <h2 id="sync-conflicts-title">{t('scanner.conflicts.title')}</h2>
      <p>{t('scanner.conflicts.intro')}</p>
      <ul>
        {scans.map((scan) => (
          <li key={scan.scanId} className={`sync-conflicts__item sync-conflicts__item--${scan.result ? verdictTone(scan.result.verdict) : 'stop'}`}>
            <p>
              <strong>
                {scan.admission.holderFirstName ?? t('scanner.conflicts.ticket', { id: scan.admission.ticketId })}
              </strong>
              {' · '}
              {t('scanner.conflicts.admitted', { time: time(scan.request.scannedAt), count: scan.request.persons ?? 0 })}
            </p>
            <p>
              {scan.result
                ? t('scanner.conflicts.server', { verdict: t(`scanner.verdict.${scan.result.verdict}`) })
                : t('scanner.conflicts.rejected', { problem: scan.problem ?? '' })}
              {scan.result?.firstAdmittedAt && (
                <>
                  {' '}
                  {t('scanner.reason.firstAdmitted', {
                    time: time(scan.result.firstAdmittedAt),
                    device: scan.result.firstAdmittedBy ?? '?',
                  })}
                </>
              )}
            </p>
            <button type="button" className="button button--small button--secondary" onClick={() => onSeen(scan.scanId)}>
              {t('scanner.conflicts.seen')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
