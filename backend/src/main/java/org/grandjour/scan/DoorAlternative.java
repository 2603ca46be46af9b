package org.grandjour.scan;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.common.Localized;

@Schema(description = "Where a party turned away by a full door may still go: an offer of the same edition with places left")
public record DoorAlternative(
        @Schema(required = true) long offerId,
        @Schema(required = true) long attractionId,
        @Schema(required = true) Localized attractionName,
        @Schema(required = true) LocalDate day,
        @Schema(required = true, description = "Entries still free, in persons (as the offers list shows them)") int placesLeft,
        @Schema(required = true, description = "The same attraction on another day (else another attraction the same day)")
        boolean sameAttraction) {
}
