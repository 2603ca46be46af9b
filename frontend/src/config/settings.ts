/** How often the places left are refreshed, in milliseconds. */
export const OFFERS_REFRESH_MS = 30_000;
/** How long a list of offers just fetched is shown without asking again (a page mounting, a focus). */
export const OFFERS_FRESH_MS = 10_000;
/** Offers shown per day at first on the home page (then "show more", twice as many at a time). */
export const OFFERS_PER_DAY_SHOWN = 6;
/**
 * Of those, drawn in the first render, then this many per paint. The first render waits for the offers
 * (src/app/first-screen.ts) and comes before the first paint: two days' cards are drawn there at once,
 * rather than one more render and layout per step once the page is on screen (issue 11, blocking time).
 */
export const OFFERS_FIRST_RENDERED = 12;
export const OFFERS_RENDERED_PER_STEP = 3;
export const LANGUAGE_STORAGE_KEY = 'grandjour.language';
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
/** Locales used by Intl for each UI language (cross-Channel: French of France, English of the UK). */
export const INTL_LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

// --- Door scanner
/** Per attraction (suffix `.<id>`): the time zone of its ticket days, as its last door list said. */
export const SCANNER_TIME_ZONE_STORAGE_KEY = 'grandjour.scanner.timeZone';
/** How often the door list (tickets, admissions, keys) is refreshed while online. */
export const DOOR_LIST_REFRESH_MS = 60_000;
/** How often scans made offline are sent again while some wait (besides the browser's `online` event). */
export const SCAN_SYNC_RETRY_MS = 15_000;
/** An online scan with no answer after this long is decided offline (and queued with the same scan id). */
export const SCAN_TIMEOUT_MS = 5_000;
/** How long a verdict stays on screen before the camera resumes (a tap resumes at once). */
export const VERDICT_ADMITTED_MS = 2_000;
export const VERDICT_REFUSED_MS = 3_000;
/** The camera ignores the code it just judged for this long (a QR stays in front of it). */
export const SAME_CODE_PAUSE_MS = 3_000;
export const SCANNER_ATTRACTION_STORAGE_KEY = 'grandjour.scanner.attraction';
export const DEVICE_ID_STORAGE_KEY = 'grandjour.scanner.deviceId';
/** After a scan found no network, the next ones are judged offline at once for this long (the sync probes). */
export const OFFLINE_HOLD_MS = 20_000;

