package org.grandjour.resident;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.territory.TerritoryView;

@Schema(description = "The logged-in user, and whether they may claim in an edition")
public record MeView(
        @Schema(required = true) String username,
        @Schema(nullable = true, description = "Full name from the account, when known") String name,
        @Schema(required = true, description = "Roles: resident, staff, organiser") List<String> roles,
        @Schema(nullable = true, description = "Postcode of the user's address, as registered") String postcode,
        @Schema(nullable = true, description = "The territory the postcode belongs to, if any") TerritoryView territory,
        @Schema(required = true, description = "Whether the postcode lies in a territory taking part in the edition") boolean eligible,
        @Schema(nullable = true, description = "The edition eligibility was decided for; null when there is none") Long editionId) {
}
