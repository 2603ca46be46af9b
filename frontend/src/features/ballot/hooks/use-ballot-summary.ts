import { useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';

/** The "How" and "Until when" lines of the edition's summary, for a ballot edition. */
export function useBallotSummary(edition: Edition, fixedNow?: number): { how: string; until: string } {
  const { t } = useTranslation();
  const format = useFormat();
  const [now] = useState(() => fixedNow ?? Date.now());
  const opens = edition.applicationOpensAt;
  const closes = edition.applicationClosesAt;
  const how = edition.drawAt
    ? t('ballot.summary.how', { count: edition.maxChoices, date: format.dateTime(edition.drawAt, edition.timeZone) })
    : t('ballot.summary.howNoDate', { count: edition.maxChoices });
  let until: string;
  if (edition.applicationOpen && closes) until = t('ballot.summary.untilOpen', { date: format.lastMoment(closes, edition.timeZone) });
  else if (opens && Date.parse(opens) > now) until = t('ballot.summary.upcoming', { date: format.dateTime(opens, edition.timeZone) });
  else if (closes) until = t('ballot.summary.closed', { date: format.lastMoment(closes, edition.timeZone) });
  else until = t('ballot.notice.closedNoDate');
  return { how, until };
}
