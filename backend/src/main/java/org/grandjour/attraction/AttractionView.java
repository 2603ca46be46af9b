package org.grandjour.attraction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.common.Localized;
import org.grandjour.territory.TerritoryView;

@Schema(description = "A venue that gives free entries")
public record AttractionView(
        @Schema(required = true) long id,
        @Schema(required = true, examples = "louvre-lens") String slug,
        @Schema(required = true) Localized name,
        @Schema(required = true) Localized description,
        @Schema(required = true) Category category,
        @Schema(required = true) TerritoryView territory,
        @Schema(required = true) String address,
        @Schema(required = true) String town,
        @Schema(required = true) String postcode,
        @Schema(required = true) Localized accessibility,
        @Schema(required = true, description = "Inactive attractions are hidden from residents") boolean active) {

    public static AttractionView of(Attraction a) {
        return new AttractionView(a.id, a.slug, new Localized(a.nameFr, a.nameEn),
                new Localized(a.descriptionFr, a.descriptionEn), a.category, TerritoryView.of(a.territory),
                a.address, a.town, a.postcode, new Localized(a.accessibilityFr, a.accessibilityEn), a.active);
    }
}
