package org.grandjour.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.common.Localized;

@Schema(description = "An area whose residents are eligible")
public record TerritoryView(
        @Schema(required = true, examples = "FR-62") String code,
        @Schema(required = true) Localized name,
        @Schema(required = true, examples = "FR") String country,
        @Schema(required = true, examples = "Europe/Paris") String timeZone,
        @Schema(required = true, description = "Regular expression matched against the upper-cased postcode") String postcodePattern) {

    public static TerritoryView of(Territory t) {
        return new TerritoryView(t.code, new Localized(t.nameFr, t.nameEn), t.country, t.timeZone, t.postcodePattern);
    }
}
