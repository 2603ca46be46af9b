import type { TFunction } from 'i18next';
import { calendarDay } from '@/lib/dates';
import type { Offer } from '@/lib/api/types';
import type { WaitlistEntry } from './api/get-my-waitlist';
import { dateTimeFormat } from '@/lib/intl';

/** The smallest party there is: an offer with fewer places left than this is sold out. */
export const SMALLEST_PARTY = 1;

export function isSoldOut(offer: Offer): boolean {
  return offer.remaining < SMALLEST_PARTY;
}

/** Whether the offer's attraction has opened on its day (in its zone) at `now`: its list is then closed. */
export function hasOpened(offer: Offer, now: number): boolean {
  const today = calendarDay(now, offer.timeZone);
  if (offer.day !== today) return offer.day < today;
  const clock = dateTimeFormat('en-GB', {
    timeZone: offer.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return clock >= offer.opensAt.slice(0, 8);
}

/** "You are 3rd on the waiting list (5 people ahead)". */
export function positionText(entry: WaitlistEntry, t: TFunction): string {
  if (entry.position == null) return t('waitlist.waiting');
  const ahead = entry.personsAhead ?? 0;
  return `${t('waitlist.position', { count: entry.position, ordinal: true })} ${
    ahead > 0 ? t('waitlist.ahead', { count: ahead }) : t('waitlist.aheadNone')
  }`;
}
