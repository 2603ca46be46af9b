package org.grandjour.ballot;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A ballot application: the party and the offers wanted, best first")
public record ApplicationRequest(
        @Schema(required = true, description = "Persons in the party, 1..the edition's maxPartySize", minimum = "1", maximum = "50")
        @NotNull @Min(value = 1, message = "must be at least 1 person") @Max(value = 50, message = "must be at most 50 persons") Integer partySize,
        @Schema(required = true, description = "Offer ids of the edition, best first, distinct, at most the edition's maxChoices")
        @NotNull @Size(min = 1, max = 100, message = "1 to 100 choices") List<@NotNull Long> choices,
        @Schema(description = "Also give me any other offer of the same day with places left (false when absent)")
        Boolean anyOtherSameDay) {

    boolean anyOther() {
        return Boolean.TRUE.equals(anyOtherSameDay);
    }

    /** Two applications with the same Idempotency-Key must carry the same request. */
    String fingerprint() {
        return partySize + ":" + choices + ":" + anyOther();
    }
}
