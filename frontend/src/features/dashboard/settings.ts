// Settings of the organisers' dashboard.

/** The figures count as fresh this long (the stream sends them at least every 15 s while it is up). */
export const STATS_STALE_MS = 30_000;
/** Reconnection delays of the live stream: first, then doubled up to the maximum (plus up to 20 % jitter). */
export const STREAM_RETRY_FIRST_MS = 1_000;
export const STREAM_RETRY_MAX_MS = 30_000;
/** No event (not even the 15 s heartbeat) for this long: the connection is taken as dead and reopened. */
export const STREAM_SILENCE_MS = 40_000;
