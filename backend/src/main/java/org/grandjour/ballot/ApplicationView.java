package org.grandjour.ballot;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller's ballot application and, after the draw, its result")
public record ApplicationView(
        @Schema(required = true) long id,
        @Schema(required = true) long editionId,
        @Schema(required = true, enumeration = {"SUBMITTED", "WON", "WAITLISTED", "WITHDRAWN", "DISQUALIFIED"}) String status,
        @Schema(required = true, description = "Pseudonymous, random id under which the application appears in the published snapshot and result")
        String drawId,
        @Schema(required = true) int partySize,
        @Schema(required = true, description = "Offer ids, best first") List<Long> choices,
        @Schema(required = true) boolean anyOtherSameDay,
        @Schema(required = true, description = "Whether it can still be changed or withdrawn (the window is open)") boolean editable,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "After the draw: the random position (1 = drawn first)") Integer position,
        @Schema(description = "After the draw, if won: the offer") Long wonOfferId,
        @Schema(description = "After the draw, if won: the ticket") Long ticketId,
        @Schema(description = "After the draw, if not won: the position on each chosen offer's waiting list") List<WaitingPlace> waitingLists,
        @Schema(description = "If disqualified: why") String disqualifiedReason) {

    @Schema(description = "A place on an offer's waiting list")
    public record WaitingPlace(@Schema(required = true) long offerId, @Schema(required = true) int position) {
    }
}
