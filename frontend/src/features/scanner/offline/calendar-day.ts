// The calendar day of an instant is shared with the tickets' pages (lib/dates.ts).
export { calendarDay } from '@/lib/dates';

/** For a ticket of `ticketDay` scanned on `today`: too early, too late, or the right day. */
export function compareDay(ticketDay: string, today: string): 'early' | 'late' | 'same' {
  if (ticketDay === today) return 'same';
  return ticketDay > today ? 'early' : 'late';
}
