package org.grandjour.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A claim of free entries for a party at one offer")
public record ClaimRequest(
        @Schema(required = true) @NotNull Long offerId,
        @Schema(required = true, description = "Persons in the party, 1..the edition's maxPartySize", minimum = "1", maximum = "50")
        @NotNull @Min(value = 1, message = "must be at least 1 person") @Max(value = 50, message = "must be at most 50 persons") Integer partySize) {

    /** Two claims with the same Idempotency-Key must carry the same request. */
    String fingerprint() {
        return offerId + ":" + partySize;
    }
}
