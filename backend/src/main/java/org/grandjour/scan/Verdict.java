package org.grandjour.scan;

/** What the door is told about a scanned code. A bad ticket is a verdict, not an HTTP error. */
public enum Verdict {
    ADMITTED, ALREADY_USED, WRONG_ATTRACTION, WRONG_DAY, CANCELLED, INVALID
}
