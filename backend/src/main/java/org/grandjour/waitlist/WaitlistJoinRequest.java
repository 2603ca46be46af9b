package org.grandjour.waitlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Joining a sold-out offer's waiting list")
public record WaitlistJoinRequest(
        @Schema(required = true, description = "Persons in the party, including the holder; a party is never split")
        @NotNull @Min(1) @Max(50) Integer partySize) {
}
