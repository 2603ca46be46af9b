package org.grandjour.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The verdict for one scan, with what the door needs to show")
public record ScanResult(
        @Schema(required = true) UUID scanId,
        @Schema(required = true) Verdict verdict,
        @Schema(nullable = true, description = "The ticket, when the code could be read") Long ticketId,
        @Schema(nullable = true, description = "Persons in the party") Integer partySize,
        @Schema(required = true, description = "Persons admitted by this scan") int personsAdmittedNow,
        @Schema(required = true, description = "Persons of the party admitted before this scan") int personsAdmittedBefore,
        @Schema(nullable = true, description = "Persons of the party still to come") Integer personsRemaining,
        @Schema(nullable = true, description = "Holder's first name, to match the party") String holderFirstName,
        @Schema(nullable = true, description = "The ticket's offer") Long offerId,
        @Schema(nullable = true, description = "The ticket's attraction") Long attractionId,
        @Schema(nullable = true, description = "The ticket's day") LocalDate day,
        @Schema(nullable = true, description = "For ALREADY_USED: when the party was first admitted") Instant firstAdmittedAt,
        @Schema(nullable = true, description = "For ALREADY_USED: by which device") String firstAdmittedBy,
        @Schema(required = true, description = "An offline admission the server refused: the party may have entered twice") boolean conflict,
        @Schema(required = true, description = "A plain-words reason, in English, for logs and organisers") String reason,
        @Schema(nullable = true, description = "For DOOR_FULL: up to 5 offers of the edition with places left, the same attraction's "
                + "other days first (nearest first), then other attractions the same day (most places first); null otherwise")
        List<DoorAlternative> alternatives,
        @Schema(nullable = true, description = "For DOOR_FULL: places still left at the door (its capacity less the persons in, 0 at the "
                + "least), as the verdict counted them, so part of the party may come in now with `persons`; informational, the "
                + "admission is judged again. A retried scan's is as things are now. Null otherwise") Integer doorPlacesLeft) {
}
