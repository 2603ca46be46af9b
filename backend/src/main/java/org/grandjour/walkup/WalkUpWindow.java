package org.grandjour.walkup;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "When a door takes walk-ups today, and how many places are free for them")
public record WalkUpWindow(
        @Schema(required = true) long offerId,
        @Schema(required = true, description = "From this instant: the offer's closing time minus the edition's walk-up minutes") Instant opensAt,
        @Schema(required = true, description = "Until this instant: the offer's closing time") Instant closesAt,
        @Schema(required = true, description = "Whether walk-ups are taken right now") boolean open,
        @Schema(required = true, description = "Places free that day: unclaimed, released, not refilled") int placesLeft,
        @Schema(required = true, description = "Most persons in one party (the edition's rule)") int maxPartySize) {
}
