import { SCANNER_TIME_ZONE_STORAGE_KEY } from '@/config/settings';

const key = (attractionId: number) => `${SCANNER_TIME_ZONE_STORAGE_KEY}.${attractionId}`;

/**
 * The time zone of this door's ticket days: the edition's, as the API sent it with the door list
 * (`DoorList.timeZone`). Kept in localStorage so that a phone started offline still knows it. Before
 * any list (no API data at all), the phone's own zone: the first list, fetched for that day, then
 * brings the right zone, and the day with it.
 */
export function doorTimeZone(attractionId: number): string {
  try {
    const stored = localStorage.getItem(key(attractionId));
    if (stored) return stored;
  } catch {
    // storage disabled: the phone's zone
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function rememberDoorTimeZone(attractionId: number, timeZone: string): void {
  try {
    localStorage.setItem(key(attractionId), timeZone);
  } catch {
    // storage disabled: the zone is asked again with the next list
  }
}
