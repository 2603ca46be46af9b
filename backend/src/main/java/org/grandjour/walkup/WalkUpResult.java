package org.grandjour.walkup;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A walk-up admitted: the ticket it became (issued and used at once)")
public record WalkUpResult(
        @Schema(required = true) UUID walkUpId,
        @Schema(required = true) long ticketId,
        @Schema(required = true, description = "The ticket's code, for the door's records") String code,
        @Schema(required = true) long offerId,
        @Schema(required = true) LocalDate day,
        @Schema(required = true, description = "Persons admitted") int persons,
        @Schema(required = true, description = "Code of the resident's territory", examples = "FR-62") String territory,
        @Schema(required = true, description = "Places still free for walk-ups after this one") int placesLeft,
        @Schema(required = true, description = "True when this answers a walk-up id already received") boolean replayed) {
}
