package org.grandjour.offer;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.grandjour.attraction.Category;
import org.grandjour.common.ProblemException;
import org.grandjour.common.QueryParams;

/** The optional filters of the offers list, parsed from query strings with field-level errors. */
public record OfferFilter(LocalDate day, String territory, Category category) {

    public static OfferFilter parse(String day, String territory, String category) {
        return new OfferFilter(QueryParams.day("day", day), QueryParams.text(territory), parseCategory(category));
    }

    private static Category parseCategory(String category) {
        if (QueryParams.text(category) == null) {
            return null;
        }
        try {
            return Category.valueOf(category.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("category",
                    "'" + category + "' is not one of " + Arrays.toString(Category.values()));
        }
    }
}
