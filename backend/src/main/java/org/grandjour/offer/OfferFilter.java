package org.grandjour.offer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.grandjour.attraction.Category;
import org.grandjour.common.ProblemException;

/** The optional filters of the offers list, parsed from query strings with field-level errors. */
public record OfferFilter(LocalDate day, String territory, Category category) {

    public static OfferFilter parse(String day, String territory, String category) {
        return new OfferFilter(parseDay(day), blankToNull(territory), parseCategory(category));
    }

    private static LocalDate parseDay(String day) {
        if (blankToNull(day) == null) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("day", "'" + day + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Category parseCategory(String category) {
        if (blankToNull(category) == null) {
            return null;
        }
        try {
            return Category.valueOf(category.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("category",
                    "'" + category + "' is not one of " + Arrays.toString(Category.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
