package org.grandjour.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query rows, whatever Java type the driver chose for them. */
public final class SqlValues {
    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    public static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }
}
