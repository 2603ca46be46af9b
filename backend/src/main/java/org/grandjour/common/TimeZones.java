package org.grandjour.common;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Time zones typed by organisers (editions, territories) are IANA names the JDK knows. */
public final class TimeZones {
    private TimeZones() {
    }

    /** Refuses an unknown zone as a problem on the given field. */
    public static ZoneId require(String field, String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + zone + "' is not a time zone (e.g. Europe/Paris)");
        }
    }
}
