package org.grandjour.resident;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A request to change a resident's postcode, decided by an organiser")
public record PostcodeChangeView(
        @Schema(required = true) long id,
        @Schema(required = true) String username,
        @Schema(nullable = true, description = "The resident's full name, when known") String name,
        @Schema(nullable = true, description = "The postcode when the request was made") String currentPostcode,
        @Schema(required = true, description = "The postcode asked for, normalised") String requestedPostcode,
        @Schema(required = true, enumeration = {"PENDING", "APPROVED", "REJECTED"}) String status,
        @Schema(nullable = true, description = "Why it was rejected") String reason,
        @Schema(required = true) Instant requestedAt,
        @Schema(nullable = true) Instant decidedAt) {

    public static PostcodeChangeView of(PostcodeChange c) {
        return new PostcodeChangeView(c.id, c.username, c.name, c.currentPostcode, c.requestedPostcode, c.status.name(), c.reason,
                c.requestedAt, c.decidedAt);
    }
}
