package org.grandjour.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Which territory a postcode belongs to")
public record PostcodeMatch(@Schema(required = true, description = "The postcode, normalised") String postcode,
                            @Schema(description = "The territory, or null when none matches") TerritoryView territory) {
}
