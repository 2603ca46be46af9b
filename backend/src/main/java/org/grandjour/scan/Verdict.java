package org.grandjour.scan;

/** What the door is told about a scanned code. A bad ticket is a verdict, not an HTTP error. */
public enum Verdict {
    ADMITTED, ALREADY_USED, WRONG_ATTRACTION, WRONG_DAY, CANCELLED, INVALID,
    /** More persons asked than the party has left to come in: nobody admitted; {@code personsRemaining} tells how many may. */
    TOO_MANY_PERSONS,
    /** An offline scan whose device time is before its ticket's day or after the server's now (plus a small skew). */
    BAD_SCAN_TIME,
    /**
     * Admitting the party would take the persons admitted for the offer (its day) beyond its capacity: nobody
     * admitted; {@code alternatives} lists offers with places left. Only online, only for offers that hold
     * tickets beyond their capacity (overbooking); an offline admission is recorded whatever the door's count.
     */
    DOOR_FULL
}
