package org.grandjour.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query-string values parsed with field-level problems (JAX-RS would answer a bad date with 404). */
public final class QueryParams {
    private QueryParams() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static LocalDate day(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (!DateRanges.inRange(day)) {
            throw ProblemException.invalidField(field, DateRanges.MESSAGE);
        }
        return day;
    }

    public static LocalDate requiredDay(String field, String value) {
        LocalDate day = day(field, value);
        if (day == null) {
            throw ProblemException.invalidField(field, "is required (YYYY-MM-DD)");
        }
        return day;
    }
}
