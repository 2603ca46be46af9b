import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

type Props = { edition: Edition; now?: number };

/** Instead of claim buttons, in a ballot edition: how places are given, and until when to apply. */
export function BallotNotice({ edition, now: fixedNow }: Props) {
  const [now] = useState(() => fixedNow ?? Date.now());
  const { t } = useTranslation();
  const format = useFormat();
  const opens = edition.applicationOpensAt;
  const closes = edition.applicationClosesAt;
  let when: string;
  if (edition.applicationOpen && closes) {
    when = t('ballot.notice.applyUntil', { date: format.lastMoment(closes, edition.timeZone) });
  } else if (opens && Date.parse(opens) > now) {
    when = t('ballot.notice.opensOn', { date: format.dateTime(opens, edition.timeZone) });
  } else if (edition.drawAt) {
    when = t('ballot.notice.closed', { date: format.dateTime(edition.drawAt, edition.timeZone) });
  } else {
    when = t('ballot.notice.closedNoDate');
  }
  return (
    <div className="notice ballot-notice" data-testid="ballot-notice">
      <p>
        <strong>{t('ballot.notice.title')}</strong> {when}
      </p>
      <p>{t('ballot.notice.early')}</p>
      <p>
        <Link to={paths.draw.href(edition.id)}>{t('ballot.notice.drawLink')}</Link>
      </p>
    </div>
  );
}
